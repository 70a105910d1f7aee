package io.latchkey.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * 429: too many requests (or too many failed logins on an account). {@link #retryAfter()} says when to
 * try again, from the {@code Retry-After} header or the body. Idempotent calls have already been retried
 * (see {@link RetryPolicy}) when this reaches the caller.
 *
 * @since 0.1
 */
public class RateLimitException extends LatchkeyApiException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public RateLimitException(ApiError error, Duration retryAfter) {
        super(error);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked the caller to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
