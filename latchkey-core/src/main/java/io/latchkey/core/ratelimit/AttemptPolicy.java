package io.latchkey.core.ratelimit;

import java.time.Duration;

/**
 * After {@code maxFailures} failures within {@code window}, further attempts are refused for
 * {@code lockout}.
 */
public record AttemptPolicy(int maxFailures, Duration window, Duration lockout) {
    public AttemptPolicy {
        if (maxFailures < 1) {
            throw new IllegalStateException("maxFailures must be at least 1");
        }
    }
}
