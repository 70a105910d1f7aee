package io.latchkey.sdk;

/**
 * No response: the connection failed, the name did not resolve, the call timed out, or the thread was
 * interrupted while waiting. {@link #status()} is 0; {@link #requestId()} is the id the SDK sent, which
 * the server logged if the request reached it. The cause holds the underlying exception.
 *
 * @since 0.1
 */
public class NetworkException extends LatchkeyApiException {
    private static final long serialVersionUID = 1L;
    public static final String CODE = "network_error";

    public NetworkException(String message, String requestId, Throwable cause) {
        super(ApiError.local(CODE, message, requestId), cause);
    }
}
