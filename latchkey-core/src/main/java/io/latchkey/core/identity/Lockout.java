package io.latchkey.core.identity;

import io.latchkey.core.ratelimit.AttemptPolicy;

import java.time.Duration;

/**
 * Universal auth's lockout (specs/infisical.md section 3.1): after {@code threshold} failed logins for one
 * client id within {@code counterResetSeconds}, further logins for it are refused for
 * {@code durationSeconds}, with 401 like any other bad credential.
 *
 * @since 0.1
 */
public record Lockout(boolean enabled, int threshold, int durationSeconds, int counterResetSeconds) {
    public static final Lockout DEFAULTS = new Lockout(true, 3, 300, 30);
    public static final int MAX_THRESHOLD = 30;
    public static final int MAX_DURATION_SECONDS = 86_400;
    public static final int MAX_COUNTER_RESET_SECONDS = 3_600;

    /** The counter policy the shared attempt limiter applies. */
    public AttemptPolicy policy() {
        return new AttemptPolicy(threshold, Duration.ofSeconds(counterResetSeconds), Duration.ofSeconds(durationSeconds));
    }
}
