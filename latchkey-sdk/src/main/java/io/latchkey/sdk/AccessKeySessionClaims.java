package io.latchkey.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The claims of a verified access-key session (specs/descope-access-keys.md section 5), from
 * {@link AccessKeySessionVerifier#verifySession(String)}: the key, its roles and their permissions, its
 * tenants with theirs, the tenant selected at exchange time, the key's stored custom claims (top level) and
 * the claims the caller added at exchange time ({@link #callerClaims()}, under {@code nsec}: the caller
 * chose them, so never base a decision on them).
 *
 * @since 0.1
 */
public final class AccessKeySessionClaims {
    private static final Set<String> SESSION_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "roles",
            "permissions", "tenants", "nsec", "dct", "drn");

    private final Claims claims;
    private final String projectId;

    AccessKeySessionClaims(Claims claims, String projectId) {
        this.claims = Objects.requireNonNull(claims, "claims cannot be null");
        this.projectId = Objects.requireNonNull(projectId, "projectId cannot be null");
    }

    /** The access key's id (the session's {@code sub}). */
    public String keyId() {
        return claims.subject();
    }

    public String projectId() {
        return projectId;
    }

    public Instant expiresAt() {
        return claims.expiresAt();
    }

    public Instant issuedAt() {
        return claims.issuedAt();
    }

    /** Project-level roles. */
    public List<String> roles() {
        return claims.roles();
    }

    /** Permissions of the project-level roles. */
    public List<String> permissions() {
        return strings(claims.get("permissions"));
    }

    /** The ids of the key's tenants. */
    public Set<String> tenantIds() {
        return Collections.unmodifiableSet(tenants().keySet());
    }

    /** The key's roles in a tenant (empty when the key is not in it). */
    public List<String> tenantRoles(String tenantId) {
        return strings(tenant(tenantId).get("roles"));
    }

    /** The permissions of the key's roles in a tenant (empty when the key is not in it). */
    public List<String> tenantPermissions(String tenantId) {
        return strings(tenant(tenantId).get("permissions"));
    }

    /** The tenant selected at exchange time ({@code dct}), or null. */
    public String selectedTenant() {
        Object v = claims.get("dct");
        return v instanceof String s ? s : null;
    }

    /** The key's stored custom claims: the top-level claims the session does not set itself. */
    public Map<String, Object> customClaims() {
        Map<String, Object> out = new LinkedHashMap<>(claims.asMap());
        out.keySet().removeAll(SESSION_CLAIMS);
        return Collections.unmodifiableMap(out);
    }

    /** The claims the caller added at exchange time ({@code nsec}): untrusted input. */
    public Map<String, Object> callerClaims() {
        return map(claims.get("nsec"));
    }

    /** Every claim, as decoded. */
    public Claims claims() {
        return claims;
    }

    private Map<String, Object> tenants() {
        return map(claims.get("tenants"));
    }

    private Map<String, Object> tenant(String tenantId) {
        return map(tenants().get(tenantId));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) {
        return v instanceof Map<?, ?> m ? Collections.unmodifiableMap((Map<String, Object>) m) : Map.of();
    }

    private static List<String> strings(Object v) {
        if (!(v instanceof List<?> l)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        l.forEach(x -> {
            if (x instanceof String s) {
                out.add(s);
            }
        });
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "AccessKeySessionClaims[keyId=" + keyId() + ", projectId=" + projectId + ", roles=" + roles() + "]";
    }
}
