package io.latchkey.cli;

import io.latchkey.sdk.JsonCodec;
import io.latchkey.sdk.LatchkeyApiException;
import io.latchkey.sdk.NetworkException;
import io.latchkey.sdk.UnauthorizedException;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a failed command's error on stderr and returns its exit code. Text: the server's message, its
 * request id (the id the operator finds in the server's logs) and a hint when there is one. Under
 * {@code --json}: {@code {"error":{"exitCode", "status", "code", "message", "requestId", "hint"}}} on
 * stderr, and nothing on stdout.
 *
 * <p>Messages come from the server or the SDK, which never put secrets in them.
 *
 * @since 0.1
 */
final class ErrorReporter {
    private final PrintWriter err;
    private final boolean json;
    private final boolean debug;

    ErrorReporter(PrintWriter err, boolean json, boolean debug) {
        this.err = err;
        this.json = json;
        this.debug = debug;
    }

    int report(Throwable t, String server) {
        ExitCode code = ExitCode.of(t);
        Map<String, Object> e = describe(t, code, server);
        if (json) {
            err.println(JsonCodec.writePretty(Map.of("error", e)));
        } else {
            err.println("latchkey: error: " + e.get("message"));
            if (e.get("requestId") != null) {
                err.println("  request id: " + e.get("requestId"));
            }
            if (e.get("hint") != null) {
                err.println("  hint: " + e.get("hint"));
            }
        }
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    private static Map<String, Object> describe(Throwable t, ExitCode code, String server) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("exitCode", code.code());
        e.put("kind", code.name().toLowerCase(java.util.Locale.ROOT));
        if (t instanceof LatchkeyApiException api) {
            e.put("status", api.status() == 0 ? null : api.status());
            e.put("code", api.code() != null ? api.code() : api.error().name());
            e.put("message", api.serverMessage());
            e.put("requestId", api.requestId());
            e.put("hint", hint(api, server));
        } else {
            e.put("message", t.getMessage() != null ? t.getMessage() : t.getClass().getName());
            e.put("hint", t instanceof CliException c ? c.hint() : null);
        }
        e.values().removeIf(java.util.Objects::isNull);
        return e;
    }

    private static String hint(LatchkeyApiException e, String server) {
        if (e instanceof NetworkException) {
            return "is a Latchkey server running at " + server + "? (start one with: latchkey serve)";
        }
        if (e instanceof UnauthorizedException && e.code() != null && e.code().startsWith("token_")) {
            return "log in again: latchkey login";
        }
        return null;
    }
}
