package io.latchkey.cli;

import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.LatchkeyApiException;
import io.latchkey.sdk.UnauthorizedException;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code latchkey logout}: revokes the profile's token on the server, then forgets it. When the server
 * cannot be reached or the token is already invalid, the token is still forgotten, and the answer says it
 * was not revoked.
 *
 * @since 0.1
 */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Revoke the stored token on the server and remove it from the profile.",
                "If the server cannot be reached the token is only forgotten here: it then stays valid until it",
                "expires (1 hour by default)."},
        footer = {"", "Examples:", "  latchkey logout", "  latchkey logout --profile prod"})
final class LogoutCommand extends LeafCommand {

    @Override
    ExitCode run(CliSession s) {
        Profile p = s.profile();
        boolean had = p.token() != null;
        boolean revoked = false;
        String notRevoked = null;
        if (had) {
            try {
                s.anonymousClient().withCredentials(Credentials.staticToken(p.token())).auth().logout();
                revoked = true;
            } catch (UnauthorizedException e) {
                notRevoked = "already expired or revoked";
            } catch (LatchkeyApiException | IllegalArgumentException | CliException e) {
                notRevoked = e.getMessage();
            }
            s.saveProfile(p.withToken(null));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", s.profileName());
        doc.put("loggedOut", had);
        doc.put("revoked", revoked);
        Output out = s.output();
        boolean wasRevoked = revoked;
        String why = notRevoked;
        out.result(doc, () -> {
            if (!had) {
                out.line("Not logged in (profile " + s.profileName() + "); nothing to do.");
            } else if (wasRevoked) {
                out.line("Logged out (profile " + s.profileName() + "); the token is revoked.");
            } else {
                out.line("Logged out (profile " + s.profileName() + "); the token was not revoked on the server ("
                        + why + ").");
            }
        });
        return ExitCode.OK;
    }
}
