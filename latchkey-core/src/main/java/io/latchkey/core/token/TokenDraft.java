package io.latchkey.core.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The claims of a JWT about to be signed. {@code claims} holds every claim beyond the registered ones and
 * is written at the top level of the payload.
 *
 * @param expiresAt null for a token that does not expire (only machine-identity tokens configured with a
 *        TTL of 0; checked against storage on every use instead)
 * @since 0.1
 */
public record TokenDraft(String issuer, String subject, List<String> audience, Instant issuedAt, Instant expiresAt,
                         String jti, Map<String, Object> claims) {
    public TokenDraft {
        audience = audience == null ? List.of() : List.copyOf(audience);
        claims = claims == null ? Map.of() : claims;
    }
}
