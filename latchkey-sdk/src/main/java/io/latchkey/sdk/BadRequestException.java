package io.latchkey.sdk;

/**
 * 400 Bad Request: the server understood the request but refuses it for a reason of its rules (for example, bootstrapping an instance twice). A request with a malformed field is the subclass {@link ValidationException}.
 *
 * @since 0.1
 */
public class BadRequestException extends LatchkeyApiException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(ApiError error) {
        super(error);
    }
}
