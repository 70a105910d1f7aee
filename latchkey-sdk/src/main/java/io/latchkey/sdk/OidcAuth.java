package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The OIDC-auth configuration of an identity ({@code identityOidcAuth}): the issuer's discovery URL, what
 * a JWT must carry, and how the access tokens it issues behave. Members as in {@link JwtAuth}.
 *
 * @param oidcDiscoveryUrl the issuer URL whose {@code /.well-known/openid-configuration} names the keys
 * @since 0.1
 */
public record OidcAuth(String id, String identityId, String oidcDiscoveryUrl, String boundIssuer, String boundAudiences,
                       Map<String, String> boundClaims, String boundSubject, Map<String, String> claimMetadataMapping,
                       @JsonProperty("accessTokenTTL") long accessTokenTtl,
                       @JsonProperty("accessTokenMaxTTL") long accessTokenMaxTtl,
                       long accessTokenNumUsesLimit, long accessTokenPeriod, List<TrustedIp> accessTokenTrustedIps,
                       Instant createdAt, Instant updatedAt) {

    public OidcAuth {
        boundClaims = boundClaims == null ? Map.of() : Map.copyOf(boundClaims);
        claimMetadataMapping = claimMetadataMapping == null ? Map.of() : Map.copyOf(claimMetadataMapping);
        accessTokenTrustedIps = accessTokenTrustedIps == null ? List.of() : List.copyOf(accessTokenTrustedIps);
    }

    /** {@link #boundAudiences} as a list. */
    public List<String> audiences() {
        return ExternalJwtWire.commaList(boundAudiences);
    }
}
