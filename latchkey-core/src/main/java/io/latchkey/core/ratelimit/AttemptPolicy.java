package io.latchkey.core.ratelimit;

import java.time.Duration;

/**
 * After {@code maxFailures} failures within {@code window}, further attempts are refused for
 * {@code lockout}. A policy with a {@code name} is a built-in default that the operator may replace through
 * {@link AttemptLimits} (configuration key {@code lockout-<name>}); an unnamed one (a machine identity's own
 * lockout settings) is used as given.
 */
public record AttemptPolicy(String name, int maxFailures, Duration window, Duration lockout) {
    public AttemptPolicy {
        if (maxFailures < 1) {
            throw new IllegalStateException("maxFailures must be at least 1");
        }
        if (window == null || window.isNegative()) {
            throw new IllegalStateException("window cannot be negative");
        }
        if (lockout == null || lockout.isNegative()) {
            throw new IllegalStateException("lockout cannot be negative");
        }
    }

    /** An unnamed policy, used exactly as given. */
    public AttemptPolicy(int maxFailures, Duration window, Duration lockout) {
        this(null, maxFailures, window, lockout);
    }

    /** A named built-in default. */
    public static AttemptPolicy named(String name, int maxFailures, Duration window, Duration lockout) {
        return new AttemptPolicy(name, maxFailures, window, lockout);
    }

    /** The same limits under this policy's name. */
    public AttemptPolicy withLimits(int maxFailures, Duration window, Duration lockout) {
        return new AttemptPolicy(name, maxFailures, window, lockout);
    }

    /** {@code <maxFailures>/<window>/<lockout>} in seconds, e.g. {@code 5/900s/900s}, for the start-up log. */
    public String describe() {
        return maxFailures + "/" + window.toSeconds() + "s/" + lockout.toSeconds() + "s";
    }
}
