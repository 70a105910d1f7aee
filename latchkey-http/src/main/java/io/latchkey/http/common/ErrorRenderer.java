package io.latchkey.http.common;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;

/**
 * Renders a domain error as one dialect's error response: status, headers and body. Implementations must
 * not echo secrets: they use the exception's message, field and details, which are written to be shown.
 *
 * @since 0.1
 */
public interface ErrorRenderer {

    void render(Context ctx, LatchkeyException error, String requestId);

    /** Sets Retry-After for rate-limited answers; shared by every dialect. */
    static void retryAfter(Context ctx, LatchkeyException error) {
        long s = error.retryAfterSeconds();
        if (s > 0) {
            ctx.header("Retry-After", Long.toString(s));
        }
    }
}
