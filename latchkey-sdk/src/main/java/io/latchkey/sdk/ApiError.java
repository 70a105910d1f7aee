package io.latchkey.sdk;

import java.util.List;

/**
 * What the SDK learned from a failed call: the HTTP status, the server's request id, its stable error
 * code, the error name, the explanation and the fields at fault. The SDK reads every error shape the
 * server speaks (the native {@code {name, message, httpStatusCode, traceId, code, details}} shape and the
 * {@code /api} shape {@code {reqId, statusCode, message, error}}) into this one record.
 *
 * @param status    HTTP status, or 0 when no response was received
 * @param requestId the server's request id (the {@code X-Request-Id} header, else the body's
 *                  {@code traceId} or {@code reqId}); for failures without a response, the id the SDK sent
 * @param code      the server's stable snake_case error code (e.g. {@code credentials_invalid}), or null
 *                  when the error shape has none
 * @param name      the error name of the shape (e.g. {@code NotFoundError}, {@code BadRequest}), or null
 * @param message   the most specific explanation the server gave; never null
 * @param details   the issues the server listed, each naming its field when it has one; never null
 * @since 0.1
 */
public record ApiError(int status, String requestId, String code, String name, String message,
                       List<ErrorDetail> details) {

    public ApiError {
        if (message == null) {
            throw new IllegalArgumentException("message cannot be null");
        }
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** An error without a response (network failures, client-side checks). */
    public static ApiError local(String code, String message, String requestId) {
        return new ApiError(0, requestId, code, null, message, List.of());
    }

    /** The first field the server named, or null. */
    public String field() {
        for (ErrorDetail d : details) {
            if (d.field() != null) {
                return d.field();
            }
        }
        return null;
    }
}
