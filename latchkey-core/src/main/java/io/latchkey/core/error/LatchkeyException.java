package io.latchkey.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one unchecked exception of the domain. It carries a stable {@link ErrorCode}, a message written for
 * the caller (never containing secrets, tokens or key material), the name of the field at fault when there
 * is one, and details that are safe to show.
 *
 * <p>HTTP adapters map the code to a status and an error body in their dialect's shape; nothing in the core
 * knows about status codes.
 *
 * @since 0.1
 */
public final class LatchkeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;
    private final transient Map<String, Object> details;

    private LatchkeyException(ErrorCode code, String message, String field, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code cannot be null");
        this.field = field;
        this.details = details == null || details.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static LatchkeyException of(ErrorCode code, String message) {
        return new LatchkeyException(code, message, null, null, null);
    }

    public static LatchkeyException of(ErrorCode code, String message, Throwable cause) {
        return new LatchkeyException(code, message, null, null, cause);
    }

    /** A failure caused by one request field; {@code field} uses dotted paths for nested members. */
    public static LatchkeyException field(ErrorCode code, String field, String message) {
        return new LatchkeyException(code, message, field, null, null);
    }

    public static LatchkeyException invalidField(String field, String message) {
        return field(ErrorCode.INVALID_FIELD, field, message);
    }

    public static LatchkeyException missingField(String field) {
        return field(ErrorCode.MISSING_FIELD, field, field + " is required");
    }

    public static LatchkeyException notFound(String what, String id) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("resource", what);
        if (id != null) {
            d.put("id", id);
        }
        return new LatchkeyException(ErrorCode.NOT_FOUND, what + " not found", null, d, null);
    }

    public static LatchkeyException unauthenticated(ErrorCode code, String message) {
        if (code.category() != ErrorCategory.UNAUTHENTICATED) {
            throw new IllegalArgumentException("code must be an authentication failure: " + code);
        }
        return of(code, message);
    }

    public static LatchkeyException forbidden(String message) {
        return of(ErrorCode.FORBIDDEN, message);
    }

    public static LatchkeyException rateLimited(String message, long retryAfterSeconds) {
        return new LatchkeyException(ErrorCode.RATE_LIMITED, message, null,
                Map.of("retryAfterSeconds", Math.max(1, retryAfterSeconds)), null);
    }

    /** Returns a copy of this exception with one more detail. */
    public LatchkeyException withDetail(String key, Object value) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put(key, value);
        return new LatchkeyException(code, getMessage(), field, d, getCause());
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorCategory category() {
        return code.category();
    }

    /** The request field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** Seconds after which a rate-limited caller may try again; 0 when not rate limited. */
    public long retryAfterSeconds() {
        Object v = details.get("retryAfterSeconds");
        return v instanceof Number n ? n.longValue() : 0L;
    }
}
