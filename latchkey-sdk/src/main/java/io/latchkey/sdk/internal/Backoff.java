package io.latchkey.sdk.internal;

import io.latchkey.sdk.LatchkeyApiException;
import io.latchkey.sdk.RateLimitException;
import io.latchkey.sdk.RetryPolicy;
import io.latchkey.sdk.ServerException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides whether and how long to wait before retrying a failed call; see {@link RetryPolicy} for the rules.
 *
 * @since 0.1
 */
public final class Backoff {
    /** The server's code for a 503 before bootstrap. */
    static final String NOT_BOOTSTRAPPED = "not_bootstrapped";
    private final RetryPolicy policy;

    public Backoff(RetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * The wait before retry number {@code retry} (1-based), or empty when the call must fail now.
     */
    public Optional<Duration> delayBefore(int retry, boolean idempotent, LatchkeyApiException error) {
        if (!idempotent || retry > policy.maxRetries() || !retryable(error)) {
            return Optional.empty();
        }
        Duration hint = retryAfter(error);
        if (hint != null) {
            return hint.compareTo(policy.maxRetryAfter()) <= 0 ? Optional.of(hint) : Optional.empty();
        }
        return Optional.of(jittered(retry));
    }

    private static boolean retryable(LatchkeyApiException e) {
        if (NOT_BOOTSTRAPPED.equals(e.code())) {
            return false; // 503 until someone bootstraps the instance: waiting a second changes nothing
        }
        return e instanceof RateLimitException || (e instanceof ServerException && e.status() == 503);
    }

    private static Duration retryAfter(LatchkeyApiException e) {
        if (e instanceof RateLimitException r) {
            return r.retryAfter().orElse(null);
        }
        return e instanceof ServerException s ? s.retryAfter().orElse(null) : null;
    }

    private Duration jittered(int retry) {
        long initial = policy.initialBackoff().toMillis();
        long cap = policy.maxBackoff().toMillis();
        long ceiling = initial << Math.min(retry - 1, 20);
        long base = Math.min(cap, ceiling);
        long half = base / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(base - half + 1));
    }
}
