package io.latchkey.http.iam;

import io.javalin.http.Context;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.http.common.ErrorRenderer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors of the IAM dialect and the native extensions (specs/affinidi-iam.md section 3):
 * {@code {name, message, httpStatusCode, traceId, details?}} plus our stable {@code code}.
 *
 * <p>The {@code name} and fixed {@code message} texts are the ones the vendor's client knows; the specific
 * explanation goes into {@code details[0].issue}. Authentication failures are 403 {@code UnauthorizedError},
 * as the vendor model says (not 401).
 *
 * @since 0.1
 */
public final class IamErrorRenderer implements ErrorRenderer {

    @Override
    public void render(Context ctx, LatchkeyException e, String requestId) {
        Shape s = shape(e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", s.name);
        body.put("message", s.message);
        body.put("httpStatusCode", s.status);
        body.put("traceId", requestId);
        body.put("code", e.code().code());
        List<Map<String, Object>> details = new ArrayList<>();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issue", e.getMessage());
        if (e.field() != null) {
            d.put("field", e.field());
            d.put("location", "body");
        }
        details.add(d);
        body.put("details", details);
        e.details().forEach((k, v) -> {
            if (!body.containsKey(k)) {
                body.put(k, v);
            }
        });
        ErrorRenderer.retryAfter(ctx, e);
        ctx.status(s.status).json(body);
    }

    private record Shape(int status, String name, String message) {
    }

    private static Shape shape(LatchkeyException e) {
        if (e.code() == ErrorCode.PRINCIPAL_NOT_IN_PROJECT) {
            return new Shape(403, "PrincipalDoesNotBelongToProjectError", "Principal does not belong to the given project");
        }
        if (e.code() == ErrorCode.PRINCIPAL_CANNOT_BE_DELETED) {
            return new Shape(409, "PrincipalCannotBeDeletedError",
                    "Cannot delete own record from the project with the same principalId");
        }
        return switch (e.category()) {
            case BAD_REQUEST, VALIDATION -> new Shape(400, "InvalidParameterError",
                    "Invalid parameter: " + (e.field() != null ? e.field() : "request") + ".");
            case UNAUTHENTICATED -> new Shape(403, "UnauthorizedError", "Unauthorized");
            case FORBIDDEN -> new Shape(403, "ActionForbiddenError", "Principal can not execute action on given resource");
            case NOT_FOUND -> new Shape(404, "NotFoundError", "Not found: " + resource(e) + ".");
            case CONFLICT -> new Shape(409, "ConflictError", e.getMessage());
            case RATE_LIMITED -> new Shape(429, "TooManyRequestsError", "Too many requests");
            case TOO_LARGE -> new Shape(413, "PayloadTooLargeError", "Request body too large");
            case NOT_READY -> new Shape(503, "ServiceUnavailableError", e.getMessage());
            case INTERNAL -> new Shape(500, "UnexpectedError", "Unexpected Error Occurred.");
        };
    }

    private static String resource(LatchkeyException e) {
        Object r = e.details().get("resource");
        Object id = e.details().get("id");
        if (r == null) {
            return "resource";
        }
        return id == null ? r.toString() : r + " " + id;
    }
}
