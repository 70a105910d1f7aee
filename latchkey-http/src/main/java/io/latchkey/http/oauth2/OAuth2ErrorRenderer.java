package io.latchkey.http.oauth2;

import io.javalin.http.Context;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.http.common.ErrorRenderer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 6749 section 5.2 error responses of the token endpoint: {@code {error, error_description}}, 401
 * {@code invalid_client} for a bad client or assertion, 400 for malformed requests. Responses are never
 * cached (section 5.1).
 *
 * @since 0.1
 */
public final class OAuth2ErrorRenderer implements ErrorRenderer {

    @Override
    public void render(Context ctx, LatchkeyException e, String requestId) {
        int status;
        String error;
        if (e.code() == ErrorCode.UNSUPPORTED_GRANT_TYPE) {
            status = 400;
            error = "unsupported_grant_type";
        } else {
            switch (e.category()) {
                case UNAUTHENTICATED, FORBIDDEN -> {
                    status = 401;
                    error = "invalid_client";
                }
                case RATE_LIMITED -> {
                    status = 429;
                    error = "slow_down";
                }
                case NOT_READY -> {
                    status = 503;
                    error = "temporarily_unavailable";
                }
                case INTERNAL -> {
                    status = 500;
                    error = "server_error";
                }
                default -> {
                    status = 400;
                    error = "invalid_request";
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", e.getMessage());
        body.put("trace_id", requestId);
        ctx.header("Cache-Control", "no-store");
        ErrorRenderer.retryAfter(ctx, e);
        ctx.status(status).json(body);
    }
}
