package io.latchkey.core.identity;

import io.latchkey.core.token.AccessToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The claims a machine-identity access token carries beyond the common layout of
 * {@link io.latchkey.core.token.TokenService}. Part of the token format: outside verifiers may read them.
 *
 * <ul>
 *   <li>{@value #AUTH_METHOD}: how the identity logged in ({@code universal-auth}, ...).</li>
 *   <li>{@value #CHECKS}: the per-request checks the session needs, {@value #CHECK_USES} (a use limit) and
 *       {@value #CHECK_SOURCE_IP} (trusted address ranges). Absent when there are none, and then
 *       authenticating a request with the token touches no storage. The flags are signed with the token, so
 *       a holder cannot drop them.</li>
 *   <li>{@value #METADATA}: claims of an outside JWT mapped by JWT or OIDC auth ({@code claimMetadataMapping}).</li>
 * </ul>
 *
 * @since 0.1
 */
public final class IdentityTokenClaims {
    public static final String AUTH_METHOD = "auth_method";
    public static final String CHECKS = "checks";
    public static final String METADATA = "metadata";
    public static final String CHECK_USES = "uses";
    public static final String CHECK_SOURCE_IP = "source_ip";

    private IdentityTokenClaims() {
    }

    /** The extra claims of a new session's token. */
    static Map<String, Object> of(String authMethod, AccessTokenSettings settings, Map<String, String> metadata) {
        List<String> checks = new ArrayList<>(2);
        if (settings.numUsesLimit() > 0) {
            checks.add(CHECK_USES);
        }
        if (!settings.trustedIps().allowsEverything()) {
            checks.add(CHECK_SOURCE_IP);
        }
        Map<String, Object> claims = new java.util.HashMap<>();
        claims.put(AUTH_METHOD, authMethod);
        if (!checks.isEmpty()) {
            claims.put(CHECKS, checks);
        }
        if (metadata != null && !metadata.isEmpty()) {
            claims.put(METADATA, Map.copyOf(metadata));
        }
        return claims;
    }

    /** The extra claims of a verified token, for minting its renewal with the same ones. */
    static Map<String, Object> carriedOver(AccessToken token) {
        Map<String, Object> claims = new java.util.HashMap<>();
        for (String name : List.of(AUTH_METHOD, CHECKS, METADATA)) {
            Object v = token.claims().get(name);
            if (v != null) {
                claims.put(name, v);
            }
        }
        return claims;
    }

    /** True when the token's session needs the given per-request check. */
    public static boolean needs(AccessToken token, String check) {
        return token.claims().get(CHECKS) instanceof List<?> l && l.contains(check);
    }
}
