package io.latchkey.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * 5xx: the server failed, or cannot serve yet (503, for example before the instance is bootstrapped).
 * Quote {@link #requestId()} to the operator: the server logged the cause under it.
 *
 * @since 0.1
 */
public class ServerException extends LatchkeyApiException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public ServerException(ApiError error, Duration retryAfter) {
        super(error);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked the caller to wait (503 with {@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
