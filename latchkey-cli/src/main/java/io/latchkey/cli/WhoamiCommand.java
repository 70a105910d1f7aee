package io.latchkey.cli;

import io.latchkey.sdk.Claims;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code latchkey whoami}: shows who the stored token speaks for, decoded locally.
 *
 * @since 0.1
 */
@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = {"Show who the stored token speaks for (decoded locally).",
                "Shows the subject, principal and token type, organization, project and expiry of the stored",
                "token (or LATCHKEY_TOKEN).",
                "LOCAL: the token is decoded on this machine, not checked with the server; a revoked token",
                "still shows here. (The server will get an endpoint for this.)"},
        footer = {"", "Examples:", "  latchkey whoami", "  latchkey --json whoami", "  LATCHKEY_TOKEN=... latchkey whoami"})
final class WhoamiCommand extends LeafCommand {

    @Override
    ExitCode run(CliSession s) {
        String token = s.token();
        if (token == null) {
            throw new CliException(ExitCode.AUTH, "not logged in to " + s.server() + " (profile " + s.profileName() + ")",
                    "run: latchkey login");
        }
        Claims c;
        try {
            c = Claims.readUnverified(token);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.AUTH, "the token from " + s.tokenSource() + " is not a JWT", "run: latchkey login", e);
        }
        Instant exp = c.expiresAt();
        boolean expired = exp != null && !s.clock().instant().isBefore(exp);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("server", s.server());
        doc.put("source", s.tokenSource());
        doc.put("subject", c.subject());
        doc.put("principalType", c.principalType());
        doc.put("tokenUse", c.tokenUse());
        doc.put("orgId", c.orgId());
        doc.put("projectId", c.projectId());
        doc.put("expiresAt", exp);
        doc.put("expired", expired);
        doc.put("verified", false);
        Output out = s.output();
        out.result(doc, () -> printText(out, doc, exp, expired));
        return ExitCode.OK;
    }

    private static void printText(Output out, Map<String, Object> doc, Instant exp, boolean expired) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Server", (String) doc.get("server"));
        f.put("Token from", (String) doc.get("source"));
        f.put("Subject", (String) doc.get("subject"));
        f.put("Principal type", (String) doc.get("principalType"));
        f.put("Token type", (String) doc.get("tokenUse"));
        f.put("Organization", (String) doc.get("orgId"));
        f.put("Project", (String) doc.get("projectId"));
        f.put("Expires", exp == null ? "never" : Formats.time(exp) + (expired ? " " + out.red("(expired: log in again)") : ""));
        out.fields(f);
        out.note(out.dim("(decoded locally, not verified with the server)"));
    }
}
