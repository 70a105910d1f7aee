package io.latchkey.sdk;

import java.util.Locale;
import java.util.Objects;

/**
 * A token presented to your service is not a valid Latchkey access token. {@link #reason()} says why, as
 * a stable code; the message explains it without ever containing the token. Answer the caller with 401.
 *
 * @since 0.1
 */
public class InvalidTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a token was rejected. */
    public enum Reason {
        /** Not a compact JWS, or its header or payload is not JSON. */
        MALFORMED,
        /** The header names an algorithm this verifier does not accept ({@code none}, {@code HS256}, ...). */
        ALGORITHM_NOT_ALLOWED,
        /** No published key has the token's {@code kid} (after one rate-limited refetch of the JWKS). */
        UNKNOWN_KEY,
        /** The signature does not match. */
        BAD_SIGNATURE,
        /** Not issued by the expected issuer. */
        WRONG_ISSUER,
        /** Not issued for the expected audience. */
        WRONG_AUDIENCE,
        /** Expired, beyond the clock skew (RFC 7519 section 4.1.4). */
        EXPIRED,
        /** No {@code exp} claim, and the verifier does not accept non-expiring tokens. */
        NO_EXPIRY,
        /** Not valid yet, beyond the clock skew (RFC 7519 section 4.1.5). */
        NOT_YET_VALID,
        /** A Latchkey token of a kind this verifier does not accept (or no {@code token_use} at all). */
        WRONG_TOKEN_USE;

        /** The reason as a stable snake_case code, e.g. {@code expired}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason, String message) {
        this(reason, message, null);
    }

    public InvalidTokenException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason cannot be null");
    }

    public Reason reason() {
        return reason;
    }
}
