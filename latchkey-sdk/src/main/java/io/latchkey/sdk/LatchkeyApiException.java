package io.latchkey.sdk;

import java.util.List;
import java.util.Objects;

/**
 * The base of every error a {@link LatchkeyClient} call throws. Unchecked. Catch a subclass for one
 * condition ({@link NotFoundException}, {@link UnauthorizedException}, ...) or this class for all of them;
 * an HTTP status without a dedicated subclass (413, 405, ...) arrives as this class itself.
 *
 * <p>{@link #status()} is 0 when no response was received ({@link NetworkException}) or when the SDK
 * refused the call before sending it ({@link AuthModeException}). {@link #requestId()} is the id to quote
 * to the operator: the server logs every request under it.
 *
 * <p>Messages never contain tokens, passwords or key material: they are the server's explanation, which
 * the server writes to be shown.
 *
 * @since 0.1
 */
public class LatchkeyApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    public LatchkeyApiException(ApiError error) {
        this(error, null);
    }

    public LatchkeyApiException(ApiError error, Throwable cause) {
        super(describe(Objects.requireNonNull(error, "error cannot be null")), cause);
        this.error = error;
    }

    private static String describe(ApiError e) {
        StringBuilder b = new StringBuilder(e.message());
        b.append(" (");
        if (e.status() > 0) {
            b.append("HTTP ").append(e.status());
        }
        String kind = e.code() != null ? e.code() : e.name();
        if (kind != null) {
            b.append(e.status() > 0 ? ", " : "").append(kind);
        }
        if (e.requestId() != null) {
            b.append(", request ").append(e.requestId());
        }
        return b.append(')').toString();
    }

    /** Everything the SDK learned about the failure. */
    public ApiError error() {
        return error;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
        return error.status();
    }

    /** The request id the server logged this call under (or, without a response, the one the SDK sent). */
    public String requestId() {
        return error.requestId();
    }

    /** The server's stable error code, or null when its error shape has none. */
    public String code() {
        return error.code();
    }

    /** The server's explanation, without the status and request id that {@link #getMessage()} adds. */
    public String serverMessage() {
        return error.message();
    }

    /** The issues the server listed. */
    public List<ErrorDetail> details() {
        return error.details();
    }
}
