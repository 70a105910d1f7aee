package io.latchkey.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.sdk.ApiError;
import io.latchkey.sdk.BadRequestException;
import io.latchkey.sdk.ConflictException;
import io.latchkey.sdk.ErrorDetail;
import io.latchkey.sdk.ForbiddenException;
import io.latchkey.sdk.HttpTransport;
import io.latchkey.sdk.LatchkeyApiException;
import io.latchkey.sdk.NotFoundException;
import io.latchkey.sdk.RateLimitException;
import io.latchkey.sdk.ServerException;
import io.latchkey.sdk.UnauthorizedException;
import io.latchkey.sdk.ValidationException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns an error response into the typed exception. Reads the native shape
 * {@code {name, message, httpStatusCode, traceId, code, details:[{issue, field}]}}, the {@code /api} shape
 * {@code {reqId, statusCode, message, error}} (whose 422 {@code message} is an array of issues) and the
 * OAuth2 shape {@code {error, error_description}} and the access-key dialect's
 * {@code {errorCode, errorDescription, errorMessage, field}} (our stable code is its errorDescription); anything else (a proxy's HTML page) keeps the status.
 *
 * <p>Trap: the IAM dialect answers authentication failures with 403 {@code UnauthorizedError}, as its
 * vendor model does, so a 403 is an {@link UnauthorizedException} when its name or code says so and a
 * {@link ForbiddenException} otherwise.
 *
 * @since 0.1
 */
public final class ErrorDecoder {
    private static final Set<String> VALIDATION_CODES = Set.of("invalid_field", "missing_field", "unknown_field",
            "malformed_json", "invalid_key_material");
    private static final Set<String> UNAUTHENTICATED_CODES = Set.of("credentials_missing", "credentials_invalid",
            "token_invalid", "token_expired", "token_revoked", "token_kind_not_accepted", "client_assertion_invalid",
            "client_assertion_replayed");

    private final Clock clock;

    public ErrorDecoder(Clock clock) {
        this.clock = clock;
    }

    public LatchkeyApiException decode(HttpTransport.Response response, String sentRequestId) {
        JsonNode body = parse(response.body());
        ApiError error = read(response, body, sentRequestId);
        return classify(error, body, retryAfter(response, body));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode n = body.length == 0 ? null : Json.mapper().readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static ApiError read(HttpTransport.Response r, JsonNode body, String sentRequestId) {
        String requestId = firstNonNull(r.header("X-Request-Id"), text(body, "traceId"), text(body, "reqId"), sentRequestId);
        if (body == null) {
            return new ApiError(r.status(), requestId, null, null, "HTTP " + r.status() + " without an error body", List.of());
        }
        List<ErrorDetail> details = details(body);
        String name = firstNonNull(text(body, "name"), text(body, "error"));
        String message = firstNonNull(details.isEmpty() ? null : details.get(0).issue(), text(body, "message"),
                text(body, "error_description"), text(body, "errorMessage"), name, "HTTP " + r.status());
        // The access-key dialect carries our stable code in errorDescription and the vendor's in errorCode.
        String code = firstNonNull(text(body, "code"), text(body, "errorDescription"), text(body, "errorCode"));
        return new ApiError(r.status(), requestId, code, name, message, details);
    }

    private static List<ErrorDetail> details(JsonNode body) {
        List<ErrorDetail> out = new ArrayList<>();
        JsonNode native_ = body.path("details");
        if (native_.isArray()) {
            native_.forEach(d -> out.add(new ErrorDetail(text(d, "issue"), text(d, "field"))));
        }
        JsonNode issues = body.path("message");
        if (issues.isArray()) {
            issues.forEach(i -> out.add(new ErrorDetail(text(i, "message"), path(i.path("path")))));
        }
        if (out.isEmpty() && text(body, "field") != null) {
            out.add(new ErrorDetail(firstNonNull(text(body, "errorMessage"), text(body, "message")), text(body, "field")));
        }
        out.removeIf(d -> d.issue() == null);
        return out;
    }

    private static String path(JsonNode path) {
        if (!path.isArray() || path.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.asText()));
        return String.join(".", parts);
    }

    private static LatchkeyApiException classify(ApiError e, JsonNode body, Duration retryAfter) {
        int s = e.status();
        if (s == 400) {
            return validation(e) ? new ValidationException(e) : new BadRequestException(e);
        }
        if (s == 401 || (s == 403 && unauthenticated(e))) {
            return new UnauthorizedException(e);
        }
        return switch (s) {
            case 403 -> new ForbiddenException(e, decision(body, "decisionId"), decision(body, "reason"));
            case 404 -> new NotFoundException(e);
            case 409 -> new ConflictException(e);
            case 422 -> new ValidationException(e);
            case 429 -> new RateLimitException(e, retryAfter);
            default -> s >= 500 ? new ServerException(e, retryAfter) : new LatchkeyApiException(e);
        };
    }

    private static boolean validation(ApiError e) {
        return (e.code() != null && VALIDATION_CODES.contains(e.code())) || "ValidationFailure".equals(e.name()) || e.field() != null;
    }

    private static boolean unauthenticated(ApiError e) {
        return "UnauthorizedError".equals(e.name()) || (e.code() != null && UNAUTHENTICATED_CODES.contains(e.code()));
    }

    private static String decision(JsonNode body, String member) {
        String top = text(body, member);
        return top != null ? top : text(body == null ? null : body.get("details"), member);
    }

    private Duration retryAfter(HttpTransport.Response r, JsonNode body) {
        String header = r.header("Retry-After");
        if (header != null) {
            Duration d = parseRetryAfter(header.trim());
            if (d != null) {
                return d;
            }
        }
        JsonNode n = body == null ? null : body.get("retryAfterSeconds");
        if (n == null && body != null && body.get("details") != null) {
            n = body.get("details").get("retryAfterSeconds");
        }
        return n != null && n.canConvertToLong() && n.asLong() >= 0 ? Duration.ofSeconds(n.asLong()) : null;
    }

    private Duration parseRetryAfter(String v) {
        try {
            long seconds = Long.parseLong(v);
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String text(JsonNode node, String member) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(member);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
