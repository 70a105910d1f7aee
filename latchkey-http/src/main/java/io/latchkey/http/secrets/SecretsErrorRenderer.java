package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.http.common.ErrorRenderer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors of the secrets dialect (specs/infisical.md section 2): {@code {reqId, statusCode, message, error,
 * details?}}. Schema violations are 422 {@code ValidationFailure} whose {@code message} is the array of
 * issues; rule violations are 400 {@code BadRequest}.
 *
 * @since 0.1
 */
public final class SecretsErrorRenderer implements ErrorRenderer {

    @Override
    public void render(Context ctx, LatchkeyException e, String requestId) {
        int status;
        String error;
        Object message = e.getMessage();
        switch (e.category()) {
            case VALIDATION -> {
                status = 422;
                error = "ValidationFailure";
                Map<String, Object> issue = new LinkedHashMap<>();
                issue.put("code", e.code().code());
                issue.put("path", e.field() == null ? List.of() : List.of(e.field().split("\\.")));
                issue.put("message", e.getMessage());
                message = List.of(issue);
            }
            case BAD_REQUEST -> {
                status = 400;
                error = "BadRequest";
            }
            case UNAUTHENTICATED -> {
                status = 401;
                error = "UnauthorizedError";
            }
            case FORBIDDEN -> {
                status = 403;
                error = "PermissionDenied";
            }
            case NOT_FOUND -> {
                status = 404;
                error = "NotFound";
            }
            case CONFLICT -> {
                status = 409;
                error = "Conflict";
            }
            case RATE_LIMITED -> {
                status = 429;
                error = "RateLimitExceeded";
            }
            case TOO_LARGE -> {
                status = 413;
                error = "PayloadTooLarge";
            }
            case NOT_READY -> {
                status = 503;
                error = "ServiceUnavailable";
            }
            default -> {
                status = 500;
                error = "InternalServerError";
                message = "Something went wrong";
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reqId", requestId);
        body.put("statusCode", status);
        body.put("message", message);
        body.put("error", error);
        // Latchkey extension: the stable code, so clients need not match message texts.
        body.put("code", e.code().code());
        if (!e.details().isEmpty()) {
            body.put("details", e.details());
        }
        ErrorRenderer.retryAfter(ctx, e);
        ctx.status(status).json(body);
    }
}
