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
 * id and client secret, or a JWT for JWT or OIDC auth) and stores the token in the profile. Neither the
 * client secret nor the JWT ever comes from a flag value: each is read from a file, standard input, its
 * environment variable ({@code LATCHKEY_CLIENT_SECRET}, {@code LATCHKEY_JWT}) or a prompt without echo.
 *
 * <p>A JWT login defaults to OIDC auth: the login bodies of the two methods are the same, and the JWTs a
 * machine is handed without running an issuer of its own (a CI provider's job token, a cloud workload
 * token) come from issuers with a discovery document, which is what OIDC auth is configured with; JWT auth
 * (static keys or a JWKS URL) is for issuers you run, and is asked for with {@code --method jwt-auth}.
 *
 * @since 0.1
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Log in as a user or a machine identity and store the token in the profile.",
                "The token and the server are kept in the profile, so that later commands are authenticated.",
                "Missing values are prompted for; passwords and client secrets are read without echo.",
                "A machine identity logs in with its universal-auth client id (--client-id or LATCHKEY_CLIENT_ID)",
                "and client secret (--client-secret-file, '-' for stdin, LATCHKEY_CLIENT_SECRET, or the prompt),",
                "or with a JWT of a trusted issuer: --identity-id and the JWT (--jwt-file, '-' for stdin, LATCHKEY_JWT,",
                "or the prompt) through OIDC auth, or JWT auth with --method jwt-auth."},
        footer = {"", "Examples:",
                "  latchkey login",
                "  latchkey login --email owner@example.com",
                "  latchkey login --server https://latchkey.example.com --profile prod --email me@example.com",
                "  latchkey login --client-id 6f1c... --client-secret-file ./ci.secret",
                "  printf %s \"$SECRET\" | latchkey login --client-id 6f1c... --client-secret-file -",
                "  latchkey login --identity-id 6f1c... --jwt-file \"$CI_JOB_JWT_FILE\"",
                "  LATCHKEY_JWT=\"$ID_TOKEN\" latchkey login --identity-id 6f1c... --method jwt-auth",
                "  latchkey login --token-file deploy.token       # a token-auth token, kept in the profile",
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

    @Option(names = "--identity-id", paramLabel = "<identityId>",
            description = "Log in as this machine identity with a JWT (JWT or OIDC auth; see --method).")
    String identityId;

    @Option(names = "--jwt-file", paramLabel = "<file>",
            description = "Read the JWT from this file ('-': standard input); else " + JWT_VARIABLE + ", else a prompt.")
    String jwtFile;

    @Option(names = "--method", paramLabel = "<method>",
            description = "How the server checks the JWT: oidc-auth (default: the issuer's discovery document) or jwt-auth.")
    String method;

    @Option(names = "--token-file", paramLabel = "<file>",
            description = {"Store a machine identity token you hold (a token-auth token) in the profile; '-': standard input.",
                    "It is decoded here, not checked with the server."})
    String tokenFile;

    static final String JWT_VARIABLE = "LATCHKEY_JWT";
    static final String OIDC_AUTH = "oidc-auth";
    static final String JWT_AUTH = "jwt-auth";

    @Override
    ExitCode run(CliSession s) {
        if (tokenFile != null) {
            return storeToken(s);
        }
        if (identityId != null || jwtFile != null || method != null) {
            return jwtLogin(s);
        }
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

    private ExitCode jwtLogin(CliSession s) {
        if (identityId == null) {
            throw new CliException(ExitCode.USAGE, (jwtFile != null ? "--jwt-file" : "--method") + " needs --identity-id");
        }
        if (email != null || password != null || clientId != null || clientSecretFile != null) {
            throw new CliException(ExitCode.USAGE, "give either --identity-id with a JWT, --client-id, or --email, not several");
        }
        String m = method == null ? OIDC_AUTH : method.trim().toLowerCase(java.util.Locale.ROOT);
        if (!m.equals(OIDC_AUTH) && !m.equals(JWT_AUTH)) {
            throw new CliException(ExitCode.USAGE, "--method must be oidc-auth or jwt-auth, got " + method);
        }
        String id = identityId.trim();
        String jwt = jwt(s);
        var anonymous = s.anonymousClient();
        IdentityLogin r = m.equals(OIDC_AUTH) ? anonymous.oidcAuth().login(id, jwt) : anonymous.jwtAuth().login(id, jwt);
        String server = s.server();
        s.saveProfile(s.profile().withServer(server).withToken(r.accessToken()));
        Instant expires = r.expiresIn() > 0 ? s.clock().instant().plusSeconds(r.expiresIn()) : null;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", s.profileName());
        doc.put("server", server);
        doc.put("identityId", id);
        doc.put("method", m);
        doc.put("expiresAt", expires);
        Output out = s.output();
        out.result(doc, () -> out.line(out.green("Logged in") + " as machine identity " + id + " with " + m + " on " + server
                + " (profile " + s.profileName() + "); the token "
                + (expires == null ? "does not expire" : "expires at " + Formats.time(expires)) + "."));
        return ExitCode.OK;
    }

    /**
     * {@code --token-file}: a token-auth token (or any identity token) goes to the profile as it is, so that
     * it need not sit in {@code LATCHKEY_TOKEN}. Nothing is sent: a request would spend one of the token's
     * uses. Only what can be told locally is checked: a Latchkey identity token, not expired.
     */
    private ExitCode storeToken(CliSession s) {
        if (email != null || password != null || clientId != null || clientSecretFile != null || identityId != null
                || jwtFile != null || method != null) {
            throw new CliException(ExitCode.USAGE, "--token-file stores a token as it is; it takes no other login option");
        }
        String token = ValueInput.fileText(s, tokenFile, "the token").strip();
        String source = tokenFile.equals("-") ? "standard input" : tokenFile;
        Claims c;
        try {
            c = Claims.readUnverified(token);
        } catch (IllegalArgumentException notAJwt) {
            throw new CliException(ExitCode.USAGE, "the token from " + source + " is not a Latchkey token",
                    "pass the file that holds the token itself");
        }
        if (c.authMode() != io.latchkey.sdk.AuthMode.IDENTITY) {
            throw new CliException(ExitCode.USAGE, "the token from " + source + " is not a machine identity token (it is "
                    + (c.tokenUse() == null ? "of no kind Latchkey knows" : "a " + c.tokenUse() + " token") + ")",
                    "users log in with: latchkey login --email");
        }
        Instant expires = c.expiresAt();
        if (expires != null && !s.clock().instant().isBefore(expires)) {
            throw new CliException(ExitCode.AUTH, "the token from " + source + " expired at " + Formats.time(expires));
        }
        String server = s.server();
        s.saveProfile(s.profile().withServer(server).withToken(token));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", s.profileName());
        doc.put("server", server);
        doc.put("identityId", c.subject());
        doc.put("expiresAt", expires);
        Output out = s.output();
        out.result(doc, () -> out.line(out.green("Stored") + " the token of machine identity " + c.subject() + " for " + server
                + " (profile " + s.profileName() + "; not checked with the server); it "
                + (expires == null ? "does not expire" : "expires at " + Formats.time(expires)) + "."));
        return ExitCode.OK;
    }

    /** The JWT: from --jwt-file (or stdin), else LATCHKEY_JWT, else a prompt; its shape is checked, never printed. */
    private String jwt(CliSession s) {
        String source;
        String jwt;
        if (jwtFile != null) {
            source = jwtFile.equals("-") ? "standard input" : jwtFile;
            jwt = ValueInput.fileText(s, jwtFile, "the JWT").strip();
        } else if (s.variable(JWT_VARIABLE) != null) {
            source = JWT_VARIABLE;
            jwt = s.variable(JWT_VARIABLE).strip();
        } else {
            source = "the prompt";
            jwt = s.secret(null, "--jwt-file (or " + JWT_VARIABLE + ")", "JWT", false).strip();
        }
        if (jwt.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "the JWT from " + source + " is empty");
        }
        if (!jwt.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
            // Only the shape is judged here (a wrong file is the usual mistake); the server checks the rest.
            // The text itself is never repeated: it may be a credential.
            throw new CliException(ExitCode.USAGE, "the JWT from " + source + " is not a signed JWT in compact form"
                    + " (three base64url parts separated by dots)", "pass the file that holds the JWT itself");
        }
        return jwt;
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
