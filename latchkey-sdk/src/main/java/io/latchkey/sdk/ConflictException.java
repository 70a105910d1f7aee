package io.latchkey.sdk;

/**
 * 409 Conflict: the request conflicts with the current state (a duplicate, a stale version).
 *
 * @since 0.1
 */
public class ConflictException extends LatchkeyApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(ApiError error) {
        super(error);
    }
}
