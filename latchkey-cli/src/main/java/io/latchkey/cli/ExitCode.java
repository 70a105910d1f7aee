package io.latchkey.cli;

import io.latchkey.sdk.AuthModeException;
import io.latchkey.sdk.ConflictException;
import io.latchkey.sdk.ForbiddenException;
import io.latchkey.sdk.NetworkException;
import io.latchkey.sdk.NotFoundException;
import io.latchkey.sdk.RateLimitException;
import io.latchkey.sdk.ServerException;
import io.latchkey.sdk.UnauthorizedException;
import io.latchkey.sdk.ValidationException;
import picocli.CommandLine;

/**
 * The exit codes of {@code latchkey}, one per condition a script may want to tell apart.
 *
 * <p>INVARIANT: the numbers never change once released: scripts depend on them. The README table and the
 * {@code --help} footer are generated from (README) or checked against (test) this enum.
 *
 * @since 0.1
 */
enum ExitCode {
    OK(0, "success"),
    GENERAL(1, "failure not listed below, including a request the server refused (400)"),
    USAGE(2, "usage: bad command line or input, or input needed under --no-input"),
    AUTH(3, "authentication: not logged in, wrong password, expired token, wrong kind"),
    FORBIDDEN(4, "forbidden: logged in, but not allowed to do this"),
    NOT_FOUND(5, "not found"),
    CONFLICT(6, "conflict with the current state (409)"),
    SERVER(7, "server error (5xx), including an instance not bootstrapped yet"),
    NETWORK(8, "network: the server is unreachable or did not answer in time"),
    AUDIT_BROKEN(9, "audit verify: the audit chain is broken"),
    RATE_LIMITED(10, "rate limited (429): too many attempts, try again later");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    String meaning() {
        return meaning;
    }

    /** The exit code for a failure. */
    static ExitCode of(Throwable t) {
        if (t instanceof CliException c) {
            return c.exitCode();
        }
        if (t instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (t instanceof UnauthorizedException || t instanceof AuthModeException) {
            return AUTH;
        }
        if (t instanceof ValidationException) {
            return USAGE;
        }
        return ofApiException(t);
    }

    private static ExitCode ofApiException(Throwable t) {
        if (t instanceof ForbiddenException) {
            return FORBIDDEN;
        }
        if (t instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (t instanceof ConflictException) {
            return CONFLICT;
        }
        if (t instanceof RateLimitException) {
            return RATE_LIMITED;
        }
        if (t instanceof ServerException) {
            return SERVER;
        }
        return t instanceof NetworkException ? NETWORK : GENERAL;
    }

    /** The table shown in {@code latchkey --help}. */
    static String[] helpFooter() {
        ExitCode[] all = values();
        String[] lines = new String[all.length + 2];
        lines[0] = "";
        lines[1] = "Exit codes:";
        for (int i = 0; i < all.length; i++) {
            lines[i + 2] = String.format(java.util.Locale.ROOT, "  %2d  %s", all[i].code, all[i].meaning);
        }
        return lines;
    }
}
