package io.latchkey.cli;

import io.latchkey.sdk.Claims;
import io.latchkey.sdk.IdentityLogin;
import io.latchkey.sdk.LoginResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code latchkey login}: logs a user in (email and password) or a machine identity (universal-auth client
 * id and client secret) and stores the token in the profile. The client secret never comes from a flag
 * value: it is read from a file, standard input, {@code LATCHKEY_CLIENT_SECRET} or a prompt without echo.
 *
 * @since 0.1
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Log in as a user or a machine identity and store the token in the profile.",
                "The token and the server are kept in the profile, so that later commands are authenticated.",
                "Missing values are prompted for; passwords and client secrets are read without echo.",
                "A machine identity logs in with its universal-auth client id (--client-id or LATCHKEY_CLIENT_ID)",
                "and client secret (--client-secret-file, '-' for stdin, LATCHKEY_CLIENT_SECRET, or the prompt)."},
        footer = {"", "Examples:",
                "  latchkey login",
                "  latchkey login --email owner@example.com",
                "  latchkey login --server https://latchkey.example.com --profile prod --email me@example.com",
                "  latchkey login --client-id 6f1c... --client-secret-file ./ci.secret",
                "  printf %s \"$SECRET\" | latchkey login --client-id 6f1c... --client-secret-file -",
                "", "CI without a stored token: set LATCHKEY_CLIENT_ID and LATCHKEY_CLIENT_SECRET and run any",
                "command; it logs in (and renews) by itself and stores nothing.",
                "", "The token is kept in the config file (mode 0600). Passing --password on the command line",
                "exposes it to other users of the machine and to the shell history; prefer the prompt."})
final class LoginCommand extends LeafCommand {
    @Option(names = "--email", paramLabel = "<email>", description = "Your email.")
    String email;

    @Option(names = "--password", paramLabel = "<password>", description = "Your password (prompted when missing).")
    String password;

    @Option(names = "--client-id", paramLabel = "<clientId>",
            description = "Log in as a machine identity with this universal-auth client id (default: LATCHKEY_CLIENT_ID).")
    String clientId;

    @Option(names = "--client-secret-file", paramLabel = "<file>",
            description = "Read the client secret from this file ('-': standard input); else LATCHKEY_CLIENT_SECRET, else a prompt.")
    String clientSecretFile;

    @Override
    ExitCode run(CliSession s) {
        String id = clientId != null ? clientId : email == null ? s.variable(CliSession.CLIENT_ID_VARIABLE) : null;
        if (id != null) {
            return machineLogin(s, id.trim());
        }
        if (clientSecretFile != null) {
            throw new CliException(ExitCode.USAGE, "--client-secret-file needs --client-id (or LATCHKEY_CLIENT_ID)");
        }
        String mail = s.input(email, "--email", "Email");
        String pw = s.secret(password, "--password", "Password", false);
        LoginResponse r = s.anonymousClient().auth().login(mail, pw);
        String server = s.server();
        s.saveProfile(s.profile().withServer(server).withToken(r.accessToken()));
        Instant expires = s.clock().instant().plusSeconds(r.expiresIn());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", s.profileName());
        doc.put("server", server);
        doc.put("email", mail);
        doc.put("expiresAt", expires);
        Output out = s.output();
        out.result(doc, () -> out.line(out.green("Logged in") + " as " + mail + " on " + server + " (profile "
                + s.profileName() + "); the session expires at " + Formats.time(expires) + "."));
        return ExitCode.OK;
    }

    private ExitCode machineLogin(CliSession s, String id) {
        if (email != null || password != null) {
            throw new CliException(ExitCode.USAGE, "give either --email/--password or --client-id, not both");
        }
        String secret = clientSecret(s);
        IdentityLogin r = s.anonymousClient().universalAuth().login(id, secret);
        String server = s.server();
        s.saveProfile(s.profile().withServer(server).withToken(r.accessToken()));
        Instant expires = r.expiresIn() > 0 ? s.clock().instant().plusSeconds(r.expiresIn()) : null;
        String identity = identityOf(r.accessToken());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", s.profileName());
        doc.put("server", server);
        doc.put("clientId", id);
        doc.put("identityId", identity);
        doc.put("expiresAt", expires);
        Output out = s.output();
        out.result(doc, () -> out.line(out.green("Logged in") + " as machine identity " + (identity == null ? id : identity)
                + " on " + server + " (profile " + s.profileName() + "); the token "
                + (expires == null ? "does not expire" : "expires at " + Formats.time(expires)) + "."));
        return ExitCode.OK;
    }

    private String clientSecret(CliSession s) {
        if (clientSecretFile != null) {
            return nonBlank(ValueInput.fileText(s, clientSecretFile, "the client secret").strip());
        }
        String fromEnv = s.variable(CliSession.CLIENT_SECRET_VARIABLE);
        if (fromEnv != null) {
            return fromEnv.strip();
        }
        return s.secret(null, "--client-secret-file", "Client secret", false);
    }

    private static String nonBlank(String v) {
        if (v.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "the client secret is empty");
        }
        return v;
    }

    private static String identityOf(String token) {
        try {
            return Claims.readUnverified(token).subject();
        } catch (IllegalArgumentException notAJwt) {
            return null;
        }
    }
}
