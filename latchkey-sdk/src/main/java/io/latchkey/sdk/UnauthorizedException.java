package io.latchkey.sdk;

/**
 * The credentials are missing, wrong, expired or revoked, or could not be renewed. The server answers
 * such calls with 401, or with 403 {@code UnauthorizedError} in the IAM dialect, whose vendor model says
 * so; both arrive here. {@link #code()} says which (e.g. {@code credentials_invalid}, {@code token_expired}).
 *
 * <p>When a renewing credential fails to renew for a reason other than the network, the failure arrives
 * as this exception with code {@link #RENEWAL_FAILED} and the original error as its cause.
 *
 * @since 0.1
 */
public class UnauthorizedException extends LatchkeyApiException {
    private static final long serialVersionUID = 1L;
    /** Code of a renewal that failed; the cause holds the server's answer. */
    public static final String RENEWAL_FAILED = "credentials_renewal_failed";

    public UnauthorizedException(ApiError error) {
        super(error);
    }

    public UnauthorizedException(ApiError error, Throwable cause) {
        super(error, cause);
    }
}
