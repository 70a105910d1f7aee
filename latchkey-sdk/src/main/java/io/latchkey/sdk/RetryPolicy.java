package io.latchkey.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * When the client retries. Only idempotent calls (GET, HEAD, PUT, DELETE, OPTIONS) are retried, and only
 * after 429 (rate limited) or 503 (unavailable, except the 503 of an instance that is not bootstrapped,
 * which waiting does not fix): every other failure reaches the caller at once, and a POST is never
 * repeated, so a create cannot happen twice.
 *
 * <p>The wait before retry {@code n} (1-based) is the server's {@code Retry-After} when it sent one; when
 * that is longer than {@link #maxRetryAfter()}, the client does not wait and throws at once (the caller
 * can read {@link RateLimitException#retryAfter()}). Without {@code Retry-After} the wait is exponential
 * with jitter: a random duration between half and all of {@code min(maxBackoff, initialBackoff * 2^(n-1))},
 * so that clients rejected together do not return together.
 *
 * @since 0.1
 */
public final class RetryPolicy {
    /** Waits; tests substitute one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxRetries(0).build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.sleeper = b.sleeper;
    }

    /** 3 retries, 200 ms initial backoff, 5 s maximum backoff, Retry-After honoured up to 30 s. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** Never retry. */
    public static RetryPolicy none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Sleeper sleeper = THREAD_SLEEP;

        private Builder() {
        }

        /** Retries after the first attempt, 0 to 10. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException("maxRetries must be between 0 and 10");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive(initialBackoff, "initialBackoff");
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive(maxBackoff, "maxBackoff");
            return this;
        }

        /** The longest {@code Retry-After} the client waits for; a longer one fails the call at once. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = positive(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /** How the client waits; the default sleeps the calling thread. For tests. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper cannot be null");
            return this;
        }

        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalStateException("maxBackoff must not be shorter than initialBackoff");
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name + " cannot be null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
