package io.latchkey.core.identity;

import java.time.Instant;
import java.util.List;

/**
 * Token-auth settings of an identity (secrets dialect, specs/infisical.md section 3.2). TTLs are in
 * seconds; 0 means non-expiring. {@code accessTokenTrustedIps} holds canonical CIDR strings.
 *
 * @since 0.1
 */
public record TokenAuthConfig(String identityId, long accessTokenTtl, long accessTokenMaxTtl,
                              long accessTokenNumUsesLimit, List<String> accessTokenTrustedIps, Instant createdAt,
                              Instant updatedAt) {
    public TokenAuthConfig {
        accessTokenTrustedIps = accessTokenTrustedIps == null ? List.of() : List.copyOf(accessTokenTrustedIps);
    }

    /** The settings as one value; an empty stored list means "anywhere" (the bootstrap identity's form). */
    public AccessTokenSettings settings() {
        TrustedIps ips = accessTokenTrustedIps.isEmpty() ? TrustedIps.ANYWHERE
                : TrustedIps.parse(accessTokenTrustedIps, "accessTokenTrustedIps");
        return new AccessTokenSettings(accessTokenTtl, accessTokenMaxTtl, accessTokenNumUsesLimit, 0, ips);
    }

    /** A configuration holding {@code settings}. */
    public static TokenAuthConfig of(String identityId, AccessTokenSettings settings, Instant createdAt, Instant updatedAt) {
        return new TokenAuthConfig(identityId, settings.ttl(), settings.maxTtl(), settings.numUsesLimit(),
                settings.trustedIps().texts(), createdAt, updatedAt);
    }
}
