package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * The token-auth configuration of an identity ({@code identityTokenAuth}, specs/infisical.md section 3.2):
 * how the tokens an administrator mints for it behave. Times are seconds; 0 means "no limit" for use limits.
 *
 * @param id                      the configuration's id
 * @param identityId              the identity
 * @param accessTokenTtl          lifetime of a token
 * @param accessTokenMaxTtl       how long renewals may extend a token's session
 * @param accessTokenNumUsesLimit requests one token may make (0: unlimited)
 * @param accessTokenTrustedIps   where tokens may be used from
 * @since 0.1
 */
public record TokenAuth(String id, String identityId,
                        @JsonProperty("accessTokenTTL") long accessTokenTtl,
                        @JsonProperty("accessTokenMaxTTL") long accessTokenMaxTtl,
                        long accessTokenNumUsesLimit, List<TrustedIp> accessTokenTrustedIps, Instant createdAt,
                        Instant updatedAt) {

    public TokenAuth {
        accessTokenTrustedIps = accessTokenTrustedIps == null ? List.of() : List.copyOf(accessTokenTrustedIps);
    }
}
