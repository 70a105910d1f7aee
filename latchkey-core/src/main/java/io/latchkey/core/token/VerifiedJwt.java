package io.latchkey.core.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A JWT whose signature and time claims were checked. {@code claims} holds all claims, registered ones
 * included, as JSON-compatible Java values.
 *
 * @since 0.1
 */
public record VerifiedJwt(String keyId, JwsAlgorithm algorithm, String issuer, String subject, List<String> audience,
                          Instant issuedAt, Instant expiresAt, String jti, Map<String, Object> claims) {

    public String stringClaim(String name) {
        Object v = claims.get(name);
        return v instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    public List<String> stringListClaim(String name) {
        Object v = claims.get(name);
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof String)) {
                    return List.of();
                }
            }
            return (List<String>) l;
        }
        return List.of();
    }
}
