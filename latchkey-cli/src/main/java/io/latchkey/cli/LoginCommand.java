package io.latchkey.cli;

import io.latchkey.sdk.LoginResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code latchkey login}: logs a user in and stores the user token in the profile.
 *
 * @since 0.1
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Log in and store the user token in the profile.",
                "The token and the server are kept in the profile, so that later commands are authenticated.",
                "Missing values are prompted for; the password is read without echo."},
        footer = {"", "Examples:",
                "  latchkey login",
                "  latchkey login --email owner@example.com",
                "  latchkey login --server https://latchkey.example.com --profile prod --email me@example.com",
                "", "The token is kept in the config file (mode 0600). Passing --password on the command line",
                "exposes it to other users of the machine and to the shell history; prefer the prompt."})
final class LoginCommand extends LeafCommand {
    @Option(names = "--email", paramLabel = "<email>", description = "Your email.")
    String email;

    @Option(names = "--password", paramLabel = "<password>", description = "Your password (prompted when missing).")
    String password;

    @Override
    ExitCode run(CliSession s) {
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
}
