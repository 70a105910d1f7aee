package io.latchkey.core.token;

import io.latchkey.core.principal.PrincipalType;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A verified Latchkey access token, reduced to what authorization needs.
 *
 * @param jti the token's unique id (revocation key)
 * @param use what the token was minted for
 * @param principalType who it speaks for
 * @param subject the principal id
 * @param orgId the organization, when the principal has one
 * @param projectId the project a project-scoped token is bound to, else null
 * @param expiresAt null for non-expiring machine-identity tokens
 * @param claims every claim of the verified JWT (JSON-compatible values), for checks that depend on claims
 *        beyond the common layout, such as the machine-identity token flags of
 *        {@code io.latchkey.core.identity.IdentityTokenClaims}
 * @since 0.1
 */
public record AccessToken(String jti, TokenUse use, PrincipalType principalType, String subject, String orgId,
                          String projectId, List<String> roles, String scope, Instant issuedAt, Instant expiresAt,
                          Map<String, Object> claims) {
    public AccessToken {
        roles = roles == null ? List.of() : List.copyOf(roles);
        claims = claims == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(claims));
    }

    /** A token without further claims. */
    public AccessToken(String jti, TokenUse use, PrincipalType principalType, String subject, String orgId,
                       String projectId, List<String> roles, String scope, Instant issuedAt, Instant expiresAt) {
        this(jti, use, principalType, subject, orgId, projectId, roles, scope, issuedAt, expiresAt, Map.of());
    }
}
