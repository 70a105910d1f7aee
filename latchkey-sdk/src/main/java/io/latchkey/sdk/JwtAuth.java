package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JWT-auth configuration of an identity ({@code identityJwtAuth}): where the issuer's keys come from,
 * what a JWT must carry, and how the access tokens it issues behave. Times are seconds; 0 means "no limit"
 * for use limits and periods. Empty strings mean "not bound".
 *
 * @param id                      the configuration's id
 * @param identityId              the identity
 * @param configurationType       {@code static} (PEM keys) or {@code jwks} (a JWK set URL)
 * @param jwksUrl                 the JWK set URL, or empty
 * @param publicKeys              the PEM public keys, or empty
 * @param boundIssuer             the required {@code iss}
 * @param boundAudiences          the accepted audiences, comma-separated (see {@link #audiences()})
 * @param boundClaims             required claims: name to its allowed values, comma-separated
 * @param boundSubject            the required {@code sub} (a trailing {@code *} matches a prefix)
 * @param claimMetadataMapping    metadata key to JWT claim copied into the access token
 * @param accessTokenTtl          lifetime of an access token
 * @param accessTokenMaxTtl       how long renewals may extend one login's tokens
 * @param accessTokenNumUsesLimit requests one token may make (0: unlimited)
 * @param accessTokenPeriod       periodic tokens renew by this much with no maximum (0: not periodic)
 * @param accessTokenTrustedIps   where access tokens may be used from
 * @since 0.1
 */
public record JwtAuth(String id, String identityId, String configurationType, String jwksUrl, List<String> publicKeys,
                      String boundIssuer, String boundAudiences, Map<String, String> boundClaims, String boundSubject,
                      Map<String, String> claimMetadataMapping,
                      @JsonProperty("accessTokenTTL") long accessTokenTtl,
                      @JsonProperty("accessTokenMaxTTL") long accessTokenMaxTtl,
                      long accessTokenNumUsesLimit, long accessTokenPeriod, List<TrustedIp> accessTokenTrustedIps,
                      Instant createdAt, Instant updatedAt) {

    public JwtAuth {
        publicKeys = publicKeys == null ? List.of() : List.copyOf(publicKeys);
        boundClaims = boundClaims == null ? Map.of() : Map.copyOf(boundClaims);
        claimMetadataMapping = claimMetadataMapping == null ? Map.of() : Map.copyOf(claimMetadataMapping);
        accessTokenTrustedIps = accessTokenTrustedIps == null ? List.of() : List.copyOf(accessTokenTrustedIps);
    }

    /** {@link #boundAudiences} as a list. */
    public List<String> audiences() {
        return ExternalJwtWire.commaList(boundAudiences);
    }
}
