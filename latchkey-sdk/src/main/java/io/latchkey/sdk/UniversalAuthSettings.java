package io.latchkey.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Universal-auth settings to attach or change ({@link UniversalAuthApi#attach}, {@link UniversalAuthApi#update}).
 * Start with {@link #defaults()}; every member left unset keeps the server's default (on attach: TTL and
 * max TTL 30 days, no use limit, any address, lockout after 3 failures within 30 s for 300 s) or the
 * current value (on update). Durations are seconds.
 *
 * <p>Warning: {@link #clientSecretTrustedIps} and {@link #accessTokenTrustedIps} default to any address;
 * narrow them for credentials that only ever run in one network.
 *
 * @since 0.1
 */
public final class UniversalAuthSettings {
    private final Map<String, Object> members;

    private UniversalAuthSettings(Map<String, Object> members) {
        this.members = members;
    }

    /** Nothing set: the server's defaults on attach, no change on update. */
    public static UniversalAuthSettings defaults() {
        return new UniversalAuthSettings(Map.of());
    }

    /** Lifetime of an access token, in seconds. */
    public UniversalAuthSettings accessTokenTtl(long seconds) {
        return with("accessTokenTTL", nonNegative(seconds, "accessTokenTtl"));
    }

    /** How far renewals may extend one login's tokens, in seconds. */
    public UniversalAuthSettings accessTokenMaxTtl(long seconds) {
        return with("accessTokenMaxTTL", nonNegative(seconds, "accessTokenMaxTtl"));
    }

    /** Requests one access token may make; 0 for unlimited. */
    public UniversalAuthSettings accessTokenNumUsesLimit(long uses) {
        return with("accessTokenNumUsesLimit", nonNegative(uses, "accessTokenNumUsesLimit"));
    }

    /** Periodic tokens: each renewal extends by this many seconds, with no maximum; 0 turns it off. */
    public UniversalAuthSettings accessTokenPeriod(long seconds) {
        return with("accessTokenPeriod", nonNegative(seconds, "accessTokenPeriod"));
    }

    /** Address ranges (CIDR or single addresses) client secrets may log in from. */
    public UniversalAuthSettings clientSecretTrustedIps(List<String> ranges) {
        return with("clientSecretTrustedIps", ips(ranges, "clientSecretTrustedIps"));
    }

    /** Address ranges (CIDR or single addresses) access tokens may be used from. */
    public UniversalAuthSettings accessTokenTrustedIps(List<String> ranges) {
        return with("accessTokenTrustedIps", ips(ranges, "accessTokenTrustedIps"));
    }

    /** Lockout after repeated failed logins. */
    public UniversalAuthSettings lockout(boolean enabled) {
        return with("lockoutEnabled", enabled);
    }

    /** Lockout: {@code threshold} failures within {@code counterResetSeconds} lock out for {@code durationSeconds}. */
    public UniversalAuthSettings lockout(long threshold, long durationSeconds, long counterResetSeconds) {
        return with("lockoutEnabled", true).with("lockoutThreshold", nonNegative(threshold, "threshold"))
                .with("lockoutDurationSeconds", nonNegative(durationSeconds, "durationSeconds"))
                .with("lockoutCounterResetSeconds", nonNegative(counterResetSeconds, "counterResetSeconds"));
    }

    /** The request body, with the wire's member names. */
    public Map<String, Object> toBody() {
        return members;
    }

    private UniversalAuthSettings with(String member, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(members);
        m.put(member, value);
        return new UniversalAuthSettings(java.util.Collections.unmodifiableMap(m));
    }

    private static long nonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " cannot be negative");
        }
        return v;
    }

    private static List<Map<String, String>> ips(List<String> ranges, String name) {
        Objects.requireNonNull(ranges, name + " cannot be null");
        return ranges.stream().map(r -> Map.of("ipAddress", Objects.requireNonNull(r, name + " cannot contain null").trim()))
                .toList();
    }

    @Override
    public String toString() {
        return "UniversalAuthSettings" + members;
    }
}
