package io.latchkey.core.identity;

import java.time.Instant;
import java.util.List;

/**
 * Token-auth settings of an identity (secrets dialect, specs/infisical.md section 3.2). TTLs are in
 * seconds; 0 means non-expiring.
 *
 * @since 0.1
 */
public record TokenAuthConfig(String identityId, long accessTokenTtl, long accessTokenMaxTtl,
                              long accessTokenNumUsesLimit, List<String> accessTokenTrustedIps, Instant createdAt,
                              Instant updatedAt) {
    public TokenAuthConfig {
        accessTokenTrustedIps = accessTokenTrustedIps == null ? List.of() : List.copyOf(accessTokenTrustedIps);
    }
}
