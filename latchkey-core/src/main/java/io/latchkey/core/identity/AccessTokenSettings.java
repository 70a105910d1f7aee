package io.latchkey.core.identity;

import io.latchkey.core.error.LatchkeyException;

import java.util.List;

/**
 * How the access tokens an auth method issues behave (specs/infisical.md sections 3.1 and 3.2): lifetime
 * ({@code accessTokenTTL}, 0 = non-expiring), the longest lifetime renewals may reach
 * ({@code accessTokenMaxTTL}, measured from creation), how many requests one token may make
 * ({@code accessTokenNumUsesLimit}, 0 = unlimited), the renewal period of periodic tokens
 * ({@code accessTokenPeriod}, 0 = not periodic: a periodic token lives one period at a time and may be
 * renewed without a maximum), and the addresses tokens may be used from. All durations in seconds.
 *
 * @since 0.1
 */
public record AccessTokenSettings(long ttl, long maxTtl, long numUsesLimit, long period, TrustedIps trustedIps) {
    /** The vendor's default lifetime and maximum: 30 days. */
    public static final long DEFAULT_TTL = 2_592_000L;
    /** Longest lifetime, maximum or period accepted: 10 years. Larger values are refused as absurd. */
    public static final long MAX_SECONDS = 315_360_000L;
    /** Largest use limit accepted. */
    public static final long MAX_USES = 1_000_000_000L;
    public static final AccessTokenSettings DEFAULTS =
            new AccessTokenSettings(DEFAULT_TTL, DEFAULT_TTL, 0, 0, TrustedIps.ANYWHERE);

    public AccessTokenSettings {
        if (trustedIps == null) {
            throw new IllegalArgumentException("trustedIps cannot be null");
        }
    }

    /** The requested changes to token settings; null members stay as they are (or take the defaults). */
    public record Changes(Long ttl, Long maxTtl, Long numUsesLimit, Long period, List<String> trustedIps) {
        public static final Changes NONE = new Changes(null, null, null, null, null);
    }

    /**
     * Applies {@code changes} to {@code current} and validates the result: every number within its range,
     * and the maximum not below the lifetime. Errors are {@code invalid_field} naming the wire member.
     */
    public static AccessTokenSettings apply(AccessTokenSettings current, Changes changes) {
        long ttl = bounded(changes.ttl(), current.ttl(), MAX_SECONDS, "accessTokenTTL");
        long maxTtl = bounded(changes.maxTtl(), current.maxTtl(), MAX_SECONDS, "accessTokenMaxTTL");
        long uses = bounded(changes.numUsesLimit(), current.numUsesLimit(), MAX_USES, "accessTokenNumUsesLimit");
        long period = bounded(changes.period(), current.period(), MAX_SECONDS, "accessTokenPeriod");
        TrustedIps ips = changes.trustedIps() == null ? current.trustedIps()
                : TrustedIps.parse(changes.trustedIps(), "accessTokenTrustedIps");
        if (maxTtl < ttl) {
            throw LatchkeyException.invalidField("accessTokenMaxTTL",
                    "accessTokenMaxTTL must be at least accessTokenTTL (" + ttl + " s)");
        }
        return new AccessTokenSettings(ttl, maxTtl, uses, period, ips);
    }

    /** A non-negative number no larger than {@code max}; {@code fallback} when absent. */
    public static long bounded(Long value, long fallback, long max, String field) {
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            throw LatchkeyException.invalidField(field, field + " must not be negative");
        }
        if (value > max) {
            throw LatchkeyException.invalidField(field, field + " must be at most " + max);
        }
        return value;
    }

    /** The lifetime of one token as issued: the period of a periodic token, else the TTL (0 = none). */
    public long issuedLifetime() {
        return period > 0 ? period : ttl;
    }

    /** The maximum a response reports: periodic tokens have none beyond their period. */
    public long reportedMaxTtl() {
        return period > 0 ? period : maxTtl;
    }
}
