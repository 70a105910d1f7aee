package io.latchkey.http.accesskey;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.http.common.ErrorRenderer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors of the access-key dialect (specs/descope-access-keys.md section 3):
 * {@code {errorCode, errorDescription, errorMessage, message}}. Codes the SDKs define are used where they
 * fit ({@code E011002} missing arguments, {@code E011003} invalid request, {@code E011004} invalid
 * arguments, {@code E130429} rate limited, always with Retry-After). Never 503 or 52x: the SDK retries
 * those with multi-second sleeps, so "not ready" is answered 401.
 *
 * @since 0.1
 */
public final class AccessKeyErrorRenderer implements ErrorRenderer {

    @Override
    public void render(Context ctx, LatchkeyException e, String requestId) {
        int status;
        String code;
        switch (e.category()) {
            case VALIDATION -> {
                status = 400;
                code = e.code() == io.latchkey.core.error.ErrorCode.MISSING_FIELD ? "E011002" : "E011004";
            }
            case BAD_REQUEST -> {
                status = 400;
                code = "E011003";
            }
            case UNAUTHENTICATED, NOT_READY -> {
                status = 401;
                code = "E011101";
            }
            case FORBIDDEN -> {
                status = 403;
                code = "E011102";
            }
            case NOT_FOUND -> {
                status = 404;
                code = "E011103";
            }
            case CONFLICT -> {
                status = 409;
                code = "E011104";
            }
            case RATE_LIMITED -> {
                status = 429;
                code = "E130429";
                if (e.retryAfterSeconds() <= 0) {
                    ctx.header("Retry-After", "60");
                }
            }
            case TOO_LARGE -> {
                status = 413;
                code = "E011105";
            }
            default -> {
                status = 500;
                code = "E010001";
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorCode", code);
        body.put("errorDescription", e.code().code());
        body.put("errorMessage", e.getMessage());
        body.put("message", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        body.put("traceId", requestId);
        ErrorRenderer.retryAfter(ctx, e);
        ctx.status(status).json(body);
    }
}
