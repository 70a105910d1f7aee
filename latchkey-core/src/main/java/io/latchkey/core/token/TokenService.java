package io.latchkey.core.token;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issues and verifies every access token the instance mints for its own API (user, PAT, project-scoped and
 * machine-identity sessions). One place decides the claim layout, so that verification can be strict:
 * the issuer must be ours, {@code token_use} must be one the endpoint accepts, and the jti and subject
 * must not be on the shared deny-list.
 *
 * <p>Hot path: verification is one signature check (with a cached public key), a few map lookups and no
 * storage access.
 *
 * @since 0.1
 */
public final class TokenService {
    /** Claim names; part of the token format that outside verifiers read. */
    public static final String CLAIM_TOKEN_USE = "token_use";
    public static final String CLAIM_PRINCIPAL_TYPE = "principal_type";
    public static final String CLAIM_ORG_ID = "org_id";
    public static final String CLAIM_PROJECT_ID = "project_id";
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_SCOPE = "scope";

    private static final Set<JwsAlgorithm> INSTANCE_ALGORITHMS = EnumSet.of(JwsAlgorithm.ES256);

    private final TokenSigner signer;
    private final TokenVerifier verifier;
    private final RevocationList revocations;
    private final TokenSettings settings;
    private final Clock clock;

    public TokenService(TokenSigner signer, TokenVerifier verifier, RevocationList revocations, TokenSettings settings,
                        Clock clock) {
        this.signer = Require.nonNull(signer, "signer");
        this.verifier = Require.nonNull(verifier, "verifier");
        this.revocations = Require.nonNull(revocations, "revocations");
        this.settings = Require.nonNull(settings, "settings");
        this.clock = Require.nonNull(clock, "clock");
    }

    public TokenSettings settings() {
        return settings;
    }

    /** What a new access token says; build with {@link #request(TokenUse, PrincipalType, String)}. */
    public record Request(TokenUse use, PrincipalType principalType, String subject, String orgId, String projectId,
                          List<String> roles, String scope, Duration ttl, String jti, Map<String, Object> extraClaims) {
        public Request orgId(String v) {
            return new Request(use, principalType, subject, v, projectId, roles, scope, ttl, jti, extraClaims);
        }

        public Request projectId(String v) {
            return new Request(use, principalType, subject, orgId, v, roles, scope, ttl, jti, extraClaims);
        }

        public Request roles(List<String> v) {
            return new Request(use, principalType, subject, orgId, projectId, v, scope, ttl, jti, extraClaims);
        }

        public Request scope(String v) {
            return new Request(use, principalType, subject, orgId, projectId, roles, v, ttl, jti, extraClaims);
        }

        /** Lifetime; {@link Duration#ZERO} means no {@code exp} (only for machine-identity tokens). */
        public Request ttl(Duration v) {
            return new Request(use, principalType, subject, orgId, projectId, roles, scope, v, jti, extraClaims);
        }

        /** A chosen jti (for tokens tracked in storage under that id); random by default. */
        public Request jti(String v) {
            return new Request(use, principalType, subject, orgId, projectId, roles, scope, ttl, v, extraClaims);
        }

        public Request extraClaims(Map<String, Object> v) {
            return new Request(use, principalType, subject, orgId, projectId, roles, scope, ttl, jti, v);
        }
    }

    public static Request request(TokenUse use, PrincipalType principalType, String subject) {
        return new Request(Require.nonNull(use, "use"), Require.nonNull(principalType, "principalType"),
                Require.nonBlank(subject, "subject"), null, null, List.of(), null, null, null, Map.of());
    }

    /** Signs an access token (ES256, the instance's current key). */
    public IssuedToken issue(Request r) {
        Duration ttl = r.ttl() != null ? r.ttl() : defaultTtl(r.use());
        if (ttl.isZero() && r.use() != TokenUse.IDENTITY) {
            throw new IllegalArgumentException("only machine-identity tokens may be non-expiring");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = ttl.isZero() ? null : now.plus(ttl);
        String jti = r.jti() != null ? r.jti() : Ids.uuid();
        Map<String, Object> claims = new HashMap<>(r.extraClaims());
        claims.put(CLAIM_TOKEN_USE, r.use().claim());
        claims.put(CLAIM_PRINCIPAL_TYPE, r.principalType().wire());
        if (r.orgId() != null) {
            claims.put(CLAIM_ORG_ID, r.orgId());
        }
        if (r.projectId() != null) {
            claims.put(CLAIM_PROJECT_ID, r.projectId());
        }
        if (!r.roles().isEmpty()) {
            claims.put(CLAIM_ROLES, r.roles());
        }
        if (r.scope() != null) {
            claims.put(CLAIM_SCOPE, r.scope());
        }
        TokenDraft draft = new TokenDraft(settings.issuer(), r.subject(), List.of(settings.issuer()), now, exp, jti, claims);
        String value = signer.sign(draft, JwsAlgorithm.ES256);
        return new IssuedToken(value, jti, now, exp, r.scope());
    }

    /**
     * Verifies a Latchkey access token and checks that it is one of the {@code accepted} kinds. A token of
     * any other kind is rejected even when its signature is valid.
     */
    public AccessToken verifyAccessToken(String compact, Set<TokenUse> accepted) {
        if (compact == null || compact.isBlank()) {
            throw LatchkeyException.unauthenticated(ErrorCode.CREDENTIALS_MISSING, "an access token is required");
        }
        VerifiedJwt jwt = verifier.verifyInstanceToken(compact, INSTANCE_ALGORITHMS);
        if (!settings.issuer().equals(jwt.issuer())) {
            throw LatchkeyException.unauthenticated(ErrorCode.TOKEN_INVALID, "token was not issued by this instance");
        }
        TokenUse use = TokenUse.fromClaim(jwt.claims().get(CLAIM_TOKEN_USE));
        if (use == null || !accepted.contains(use)) {
            throw LatchkeyException.unauthenticated(ErrorCode.TOKEN_KIND_NOT_ACCEPTED,
                    "this endpoint does not accept " + (use == null ? "this kind of" : use.claim()) + " tokens");
        }
        PrincipalType type = principalType(jwt.stringClaim(CLAIM_PRINCIPAL_TYPE));
        if (type == null || jwt.subject() == null || jwt.jti() == null) {
            throw LatchkeyException.unauthenticated(ErrorCode.TOKEN_INVALID, "token lacks required claims");
        }
        if (revocations.isRevoked(jwt.jti(), type, jwt.subject(), jwt.stringClaim(CLAIM_PROJECT_ID), jwt.issuedAt())) {
            throw LatchkeyException.unauthenticated(ErrorCode.TOKEN_REVOKED, "token has been revoked");
        }
        return new AccessToken(jwt.jti(), use, type, jwt.subject(), jwt.stringClaim(CLAIM_ORG_ID),
                jwt.stringClaim(CLAIM_PROJECT_ID), jwt.stringListClaim(CLAIM_ROLES), jwt.stringClaim(CLAIM_SCOPE),
                jwt.issuedAt(), jwt.expiresAt(), jwt.claims());
    }

    /** Revokes one token now, on every node. */
    public void revoke(AccessToken token) {
        revocations.revokeToken(token.jti(), token.expiresAt());
    }

    /** Revokes every token bound to a project now, on every node. */
    public void revokeAllScopedTo(String projectId) {
        revocations.revokeProject(projectId);
    }

    /** Revokes every token a principal holds now, on every node. */
    public void revokeAllOf(PrincipalType type, String id) {
        revocations.revokeSubject(type, id);
    }

    private Duration defaultTtl(TokenUse use) {
        return switch (use) {
            case USER -> settings.userTokenTtl();
            case PAT -> settings.patTokenTtl();
            case PROJECT -> settings.projectTokenTtl();
            case ACCESS_KEY -> settings.accessKeySessionTtl();
            case IDENTITY -> settings.projectTokenTtl();
        };
    }

    private static PrincipalType principalType(String wire) {
        if (wire == null) {
            return null;
        }
        for (PrincipalType t : PrincipalType.values()) {
            if (t.wire().equals(wire)) {
                return t;
            }
        }
        return null;
    }
}
