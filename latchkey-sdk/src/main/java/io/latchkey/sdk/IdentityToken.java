package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * The record of a token-auth token (never the token itself, which the server shows once at creation).
 *
 * @param id           the token's id (its session)
 * @param name         its name
 * @param identityId   the identity it speaks for
 * @param numUses      requests made with it
 * @param numUsesLimit requests it may make (0: unlimited)
 * @param revoked      whether it was revoked
 * @param expiresAt    when it expires, or null
 * @since 0.1
 */
public record IdentityToken(String id, String name, String identityId,
                            @JsonProperty("accessTokenNumUses") long numUses,
                            @JsonProperty("accessTokenNumUsesLimit") long numUsesLimit,
                            @JsonProperty("isAccessTokenRevoked") boolean revoked, String authMethod, Instant expiresAt,
                            Instant createdAt, Instant updatedAt) {
}
