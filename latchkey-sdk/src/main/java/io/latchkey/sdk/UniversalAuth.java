package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * The universal-auth configuration of an identity (specs/infisical.md section 3.1): its client id and how
 * the access tokens it issues behave. Times are seconds; 0 means "no limit" for use limits and periods.
 *
 * @param id                      the configuration's id
 * @param clientId                the client id machines log in with (not secret)
 * @param identityId              the identity
 * @param accessTokenTtl          lifetime of an access token
 * @param accessTokenMaxTtl       how long renewals may extend one login's tokens
 * @param accessTokenNumUsesLimit requests one token may make (0: unlimited)
 * @param accessTokenPeriod       periodic tokens renew by this much with no maximum (0: not periodic)
 * @param clientSecretTrustedIps  where client secrets may log in from
 * @param accessTokenTrustedIps   where access tokens may be used from
 * @param lockoutEnabled          whether repeated failures lock the client id out
 * @param lockoutThreshold        failures that lock it out
 * @param lockoutDurationSeconds  how long a lockout lasts
 * @param lockoutCounterResetSeconds the window the failures are counted in
 * @since 0.1
 */
public record UniversalAuth(String id, String clientId, String identityId,
                            @JsonProperty("accessTokenTTL") long accessTokenTtl,
                            @JsonProperty("accessTokenMaxTTL") long accessTokenMaxTtl,
                            long accessTokenNumUsesLimit, long accessTokenPeriod, List<TrustedIp> clientSecretTrustedIps,
                            List<TrustedIp> accessTokenTrustedIps, boolean lockoutEnabled, int lockoutThreshold,
                            int lockoutDurationSeconds, int lockoutCounterResetSeconds, Instant createdAt,
                            Instant updatedAt) {

    public UniversalAuth {
        clientSecretTrustedIps = clientSecretTrustedIps == null ? List.of() : List.copyOf(clientSecretTrustedIps);
        accessTokenTrustedIps = accessTokenTrustedIps == null ? List.of() : List.copyOf(accessTokenTrustedIps);
    }
}
