package io.latchkey.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Token-auth settings to attach or change ({@link TokenAuthApi#attach(String, TokenAuthSettings)},
 * {@link TokenAuthApi#update}). Start with {@link #defaults()}; every member left unset keeps the server's
 * default (on attach: TTL and max TTL 30 days, no use limit, any address) or the current value (on update).
 * Durations are seconds.
 *
 * <p>Warning: {@link #accessTokenTrustedIps} defaults to any address; a minted token is a bearer credential,
 * so narrow it for tokens that only ever run in one network.
 *
 * @since 0.1
 */
public final class TokenAuthSettings {
    private final Map<String, Object> members;

    private TokenAuthSettings(Map<String, Object> members) {
        this.members = members;
    }

    /** Nothing set: the server's defaults on attach, no change on update. */
    public static TokenAuthSettings defaults() {
        return new TokenAuthSettings(Map.of());
    }

    /** Lifetime of a token, in seconds (0: it does not expire). */
    public TokenAuthSettings accessTokenTtl(long seconds) {
        return with("accessTokenTTL", nonNegative(seconds, "accessTokenTtl"));
    }

    /** How far renewals may extend a token's session, in seconds. */
    public TokenAuthSettings accessTokenMaxTtl(long seconds) {
        return with("accessTokenMaxTTL", nonNegative(seconds, "accessTokenMaxTtl"));
    }

    /** Requests one token may make; 0 for unlimited. */
    public TokenAuthSettings accessTokenNumUsesLimit(long uses) {
        return with("accessTokenNumUsesLimit", nonNegative(uses, "accessTokenNumUsesLimit"));
    }

    /** Address ranges (CIDR or single addresses) tokens may be used from. */
    public TokenAuthSettings accessTokenTrustedIps(List<String> ranges) {
        Objects.requireNonNull(ranges, "accessTokenTrustedIps cannot be null");
        return with("accessTokenTrustedIps", ranges.stream()
                .map(r -> Map.of("ipAddress", Objects.requireNonNull(r, "accessTokenTrustedIps cannot contain null").trim()))
                .toList());
    }

    /** The request body, with the wire's member names. */
    public Map<String, Object> toBody() {
        return members;
    }

    private TokenAuthSettings with(String member, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(members);
        m.put(member, value);
        return new TokenAuthSettings(Collections.unmodifiableMap(m));
    }

    private static long nonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " cannot be negative");
        }
        return v;
    }

    @Override
    public String toString() {
        return "TokenAuthSettings" + members;
    }
}
