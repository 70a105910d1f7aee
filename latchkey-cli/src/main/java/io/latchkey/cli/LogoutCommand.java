package io.latchkey.cli;

import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code latchkey logout}: forgets the profile's token.
 *
 * @since 0.1
 */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Remove the stored token from the profile.",
                "The server has no logout endpoint yet: the token stays valid until it expires (1 hour by default)."},
        footer = {"", "Examples:", "  latchkey logout", "  latchkey logout --profile prod"})
final class LogoutCommand extends LeafCommand {

    @Override
    ExitCode run(CliSession s) {
        Profile p = s.profile();
        boolean had = p.token() != null;
        if (had) {
            s.saveProfile(p.withToken(null));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", s.profileName());
        doc.put("loggedOut", had);
        Output out = s.output();
        out.result(doc, () -> out.line(had ? "Logged out (profile " + s.profileName() + ")."
                : "Not logged in (profile " + s.profileName() + "); nothing to do."));
        return ExitCode.OK;
    }
}
