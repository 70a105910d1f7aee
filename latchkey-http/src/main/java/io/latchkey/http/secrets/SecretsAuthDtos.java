package io.latchkey.http.secrets;

import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.AccessTokenSettings;
import io.latchkey.core.identity.ClientSecret;
import io.latchkey.core.identity.ExternalJwtAuthConfig;
import io.latchkey.core.identity.ExternalJwtAuthService;
import io.latchkey.core.identity.ExternalKeySource;
import io.latchkey.core.identity.IdentityAccessToken;
import io.latchkey.core.identity.IdentityService.IdentityView;
import io.latchkey.core.identity.IdentityTokens;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.identity.TokenAuthConfig;
import io.latchkey.core.identity.TrustedIps;
import io.latchkey.core.identity.UniversalAuthConfig;
import io.latchkey.core.identity.UniversalAuthService;
import io.latchkey.core.support.IpRange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Request and response records of the secrets dialect's identity and auth endpoints
 * (specs/infisical.md section 3). Member names are the vendor's, including its capitalisation
 * ({@code accessTokenTTL}); a response record's {@code of(...)} maps a domain value to the wire shape.
 *
 * @since 0.1
 */
public final class SecretsAuthDtos {
    private SecretsAuthDtos() {
    }

    /** A stable membership id derived from what the membership joins (we key memberships by their parts). */
    static String membershipId(String scope, String type, String memberId) {
        return UUID.nameUUIDFromBytes((scope + "|" + type + "|" + memberId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** {@code {key, value}} pairs, the vendor's metadata form. */
    public record MetadataEntry(String key, String value) {
    }

    /** Metadata pairs to a map; a repeated key is a 422 naming it. */
    static Map<String, String> metadata(List<MetadataEntry> entries) {
        if (entries == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            MetadataEntry e = entries.get(i);
            if (e == null || e.key() == null) {
                throw LatchkeyException.missingField("metadata[" + i + "].key");
            }
            if (out.put(e.key(), e.value() == null ? "" : e.value()) != null) {
                throw LatchkeyException.invalidField("metadata[" + i + "].key", "metadata keys must be unique");
            }
        }
        return out;
    }

    // ---- identities ----------------------------------------------------------------------------

    public record CreateIdentityRequest(String name, String organizationId, String role, List<MetadataEntry> metadata) {
    }

    public record UpdateIdentityRequest(String name, String role, List<MetadataEntry> metadata) {
    }

    public record MetadataDto(String id, String key, String value) {
    }

    public record IdentityDto(String id, String name, String orgId, List<String> authMethods, boolean hasDeleteProtection,
                              List<MetadataDto> metadata, Instant createdAt, Instant updatedAt) {
        static IdentityDto of(MachineIdentity i, List<String> authMethods) {
            List<MetadataDto> md = new ArrayList<>();
            i.metadata().forEach((k, v) -> md.add(new MetadataDto(membershipId(i.id(), "metadata", k), k, v)));
            return new IdentityDto(i.id(), i.name(), i.orgId(), authMethods, false, md, i.createdAt(), i.updatedAt());
        }

        static IdentityDto of(IdentityView v) {
            return of(v.identity(), v.authMethods());
        }
    }

    /** An identity as an organization member (the vendor's GET identity and org identity listings). */
    public record IdentityOrgMembershipDto(String id, String identityId, String orgId, String role, String customRoleId,
                                           IdentityDto identity, List<MetadataDto> metadata, Instant createdAt,
                                           Instant updatedAt) {
        static IdentityOrgMembershipDto of(IdentityView v) {
            IdentityDto i = IdentityDto.of(v);
            return new IdentityOrgMembershipDto(membershipId(v.identity().orgId(), "identity", v.identity().id()),
                    v.identity().id(), v.identity().orgId(), v.role(), null, i, i.metadata(), v.identity().createdAt(),
                    v.identity().updatedAt());
        }
    }

    // ---- access-token settings -----------------------------------------------------------------

    public record TrustedIpInput(String ipAddress) {
    }

    public record TrustedIpDto(String ipAddress, int prefix, String type) {
        static List<TrustedIpDto> of(TrustedIps ips) {
            return ips.ranges().stream().map(TrustedIpDto::of).toList();
        }

        static TrustedIpDto of(IpRange r) {
            return new TrustedIpDto(r.address(), r.prefix(), r.isIpv4() ? "ipv4" : "ipv6");
        }
    }

    static List<String> ips(List<TrustedIpInput> in, String field) {
        if (in == null) {
            return null;
        }
        List<String> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i) == null || in.get(i).ipAddress() == null) {
                throw LatchkeyException.missingField(field + "[" + i + "].ipAddress");
            }
            out.add(in.get(i).ipAddress());
        }
        return out;
    }

    /** The members every method's configuration shares. */
    interface TokenSettingsInput {
        List<TrustedIpInput> accessTokenTrustedIps();

        Long accessTokenTTL();

        Long accessTokenMaxTTL();

        Long accessTokenNumUsesLimit();

        Long accessTokenPeriod();

        default AccessTokenSettings.Changes tokenChanges() {
            return new AccessTokenSettings.Changes(accessTokenTTL(), accessTokenMaxTTL(), accessTokenNumUsesLimit(),
                    accessTokenPeriod(), ips(accessTokenTrustedIps(), "accessTokenTrustedIps"));
        }
    }

    // ---- universal auth ------------------------------------------------------------------------

    public record UniversalAuthRequest(List<TrustedIpInput> clientSecretTrustedIps, List<TrustedIpInput> accessTokenTrustedIps,
                                       Long accessTokenTTL, Long accessTokenMaxTTL, Long accessTokenNumUsesLimit,
                                       Long accessTokenPeriod, Boolean lockoutEnabled, Long lockoutThreshold,
                                       Long lockoutDurationSeconds, Long lockoutCounterResetSeconds)
            implements TokenSettingsInput {
        UniversalAuthService.Changes changes() {
            return new UniversalAuthService.Changes(tokenChanges(), ips(clientSecretTrustedIps, "clientSecretTrustedIps"),
                    lockoutEnabled, lockoutThreshold, lockoutDurationSeconds, lockoutCounterResetSeconds);
        }
    }

    public record UniversalAuthDto(String id, String clientId, String identityId, long accessTokenTTL,
                                   long accessTokenMaxTTL, long accessTokenNumUsesLimit, long accessTokenPeriod,
                                   List<TrustedIpDto> clientSecretTrustedIps, List<TrustedIpDto> accessTokenTrustedIps,
                                   boolean lockoutEnabled, int lockoutThreshold, int lockoutDurationSeconds,
                                   int lockoutCounterResetSeconds, Instant createdAt, Instant updatedAt) {
        static UniversalAuthDto of(UniversalAuthConfig c) {
            AccessTokenSettings t = c.tokens();
            return new UniversalAuthDto(c.id(), c.clientId(), c.identityId(), t.ttl(), t.maxTtl(), t.numUsesLimit(),
                    t.period(), TrustedIpDto.of(c.clientSecretTrustedIps()), TrustedIpDto.of(t.trustedIps()),
                    c.lockout().enabled(), c.lockout().threshold(), c.lockout().durationSeconds(),
                    c.lockout().counterResetSeconds(), c.createdAt(), c.updatedAt());
        }
    }

    public record CreateClientSecretRequest(String description, Long numUsesLimit, Long ttl) {
    }

    public record ClientSecretDto(String id, String identityId, String description, String clientSecretPrefix,
                                  long clientSecretNumUses, long clientSecretNumUsesLimit, long clientSecretTTL,
                                  String identityUAId, boolean isClientSecretRevoked, Instant createdAt, Instant updatedAt) {
        static ClientSecretDto of(ClientSecret s, String universalAuthId) {
            return new ClientSecretDto(s.id(), s.identityId(), s.description(), s.prefix(), s.numUses(), s.numUsesLimit(),
                    s.ttlSeconds(), universalAuthId, s.revoked(), s.createdAt(), s.updatedAt());
        }
    }

    // ---- logins and tokens ---------------------------------------------------------------------

    /** A1/A2 answer. */
    public record LoginResponse(String accessToken, long expiresIn, long accessTokenMaxTTL, String tokenType) {
        static LoginResponse of(IdentityTokens.Issued issued) {
            return new LoginResponse(issued.token().value(), issued.expiresIn(), issued.maxTtl(), "Bearer");
        }
    }

    public record AccessTokenRequest(String accessToken) {
    }

    public record TokenAuthRequest(List<TrustedIpInput> accessTokenTrustedIps, Long accessTokenTTL, Long accessTokenMaxTTL,
                                   Long accessTokenNumUsesLimit, Long accessTokenPeriod) implements TokenSettingsInput {
    }

    public record TokenAuthDto(String id, String identityId, long accessTokenTTL, long accessTokenMaxTTL,
                               long accessTokenNumUsesLimit, List<TrustedIpDto> accessTokenTrustedIps, Instant createdAt,
                               Instant updatedAt) {
        static TokenAuthDto of(TokenAuthConfig c) {
            AccessTokenSettings s = c.settings();
            return new TokenAuthDto(c.identityId(), c.identityId(), s.ttl(), s.maxTtl(), s.numUsesLimit(),
                    TrustedIpDto.of(s.trustedIps()), c.createdAt(), c.updatedAt());
        }
    }

    public record TokenNameRequest(String name) {
    }

    public record TokenDataDto(String id, String name, String identityId, long accessTokenTTL, long accessTokenMaxTTL,
                               long accessTokenNumUses, long accessTokenNumUsesLimit, long accessTokenPeriod,
                               boolean isAccessTokenRevoked, String authMethod, Instant accessTokenLastRenewedAt,
                               Instant expiresAt, Instant createdAt, Instant updatedAt) {
        static TokenDataDto of(IdentityAccessToken t) {
            return new TokenDataDto(t.id(), t.name(), t.identityId(), t.accessTokenTtl(), t.accessTokenMaxTtl(),
                    t.numUses(), t.numUsesLimit(), t.accessTokenPeriod(), t.revoked(), t.authMethod(),
                    t.lastRenewedAt(), t.expiresAt(), t.createdAt(), t.updatedAt());
        }
    }

    /** A token-auth token as created: the credential once, with its record. */
    public record CreatedTokenResponse(String accessToken, long expiresIn, long accessTokenMaxTTL, String tokenType,
                                       TokenDataDto tokenData) {
        static CreatedTokenResponse of(IdentityTokens.Issued issued) {
            return new CreatedTokenResponse(issued.token().value(), issued.expiresIn(), issued.maxTtl(), "Bearer",
                    TokenDataDto.of(issued.session()));
        }
    }

    // ---- JWT auth and OIDC auth ----------------------------------------------------------------

    /** The union of JWT-auth and OIDC-auth configuration members; each method reads its own. */
    public record ExternalJwtAuthRequest(String configurationType, String jwksUrl, String jwksCaCert, List<String> publicKeys,
                                         String oidcDiscoveryUrl, String caCert, String boundIssuer, String boundAudiences,
                                         Map<String, String> boundClaims, String boundSubject,
                                         Map<String, String> claimMetadataMapping,
                                         List<TrustedIpInput> accessTokenTrustedIps, Long accessTokenTTL,
                                         Long accessTokenMaxTTL, Long accessTokenNumUsesLimit, Long accessTokenPeriod)
            implements TokenSettingsInput {
        ExternalJwtAuthService.Changes changes() {
            Map<String, List<String>> claims = null;
            if (boundClaims != null) {
                claims = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : boundClaims.entrySet()) {
                    claims.put(e.getKey(), commaList(e.getValue()));
                }
            }
            String ca = jwksCaCert != null && !jwksCaCert.isBlank() ? jwksCaCert : caCert;
            return new ExternalJwtAuthService.Changes(configurationType, jwksUrl, publicKeys, oidcDiscoveryUrl, ca,
                    boundIssuer, boundAudiences == null ? null : commaList(boundAudiences), boundSubject, claims,
                    claimMetadataMapping, tokenChanges());
        }
    }

    static List<String> commaList(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> joinedClaims(Map<String, List<String>> claims) {
        Map<String, String> out = new LinkedHashMap<>();
        claims.forEach((k, v) -> out.put(k, String.join(", ", v)));
        return out;
    }

    public record JwtAuthDto(String id, String identityId, String configurationType, String jwksUrl, String jwksCaCert,
                             List<String> publicKeys, String boundIssuer, String boundAudiences,
                             Map<String, String> boundClaims, String boundSubject, Map<String, String> claimMetadataMapping,
                             long accessTokenTTL, long accessTokenMaxTTL, long accessTokenNumUsesLimit,
                             long accessTokenPeriod, List<TrustedIpDto> accessTokenTrustedIps, Instant createdAt,
                             Instant updatedAt) {
        static JwtAuthDto of(ExternalJwtAuthConfig c) {
            AccessTokenSettings t = c.tokens();
            ExternalKeySource s = c.keySource();
            boolean isStatic = s instanceof ExternalKeySource.StaticKeys;
            return new JwtAuthDto(c.id(), c.identityId(), isStatic ? ExternalJwtAuthService.STATIC : ExternalJwtAuthService.JWKS,
                    s instanceof ExternalKeySource.JwksUrl j ? j.url() : "", "",
                    s instanceof ExternalKeySource.StaticKeys k ? k.pemKeys() : List.of(),
                    nullToEmpty(c.bindings().issuer()), String.join(", ", c.bindings().audiences()),
                    joinedClaims(c.bindings().claims()), nullToEmpty(c.bindings().subject()), c.claimMetadataMapping(),
                    t.ttl(), t.maxTtl(), t.numUsesLimit(), t.period(), TrustedIpDto.of(t.trustedIps()), c.createdAt(),
                    c.updatedAt());
        }
    }

    public record OidcAuthDto(String id, String identityId, String oidcDiscoveryUrl, String caCert, String boundIssuer,
                              String boundAudiences, Map<String, String> boundClaims, String boundSubject,
                              Map<String, String> claimMetadataMapping, long accessTokenTTL, long accessTokenMaxTTL,
                              long accessTokenNumUsesLimit, long accessTokenPeriod, List<TrustedIpDto> accessTokenTrustedIps,
                              Instant createdAt, Instant updatedAt) {
        static OidcAuthDto of(ExternalJwtAuthConfig c) {
            AccessTokenSettings t = c.tokens();
            return new OidcAuthDto(c.id(), c.identityId(), ((ExternalKeySource.OidcDiscovery) c.keySource()).url(), "",
                    nullToEmpty(c.bindings().issuer()), String.join(", ", c.bindings().audiences()),
                    joinedClaims(c.bindings().claims()), nullToEmpty(c.bindings().subject()), c.claimMetadataMapping(),
                    t.ttl(), t.maxTtl(), t.numUsesLimit(), t.period(), TrustedIpDto.of(t.trustedIps()), c.createdAt(),
                    c.updatedAt());
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
