package io.latchkey.sdk;

/**
 * 404 Not Found: the addressed thing does not exist, or the caller may not learn that it exists.
 *
 * @since 0.1
 */
public class NotFoundException extends LatchkeyApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(ApiError error) {
        super(error);
    }
}
