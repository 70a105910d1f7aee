package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A universal-auth client secret's record (never the secret itself: the server shows that once, at
 * creation, in {@link CreatedClientSecret}, and keeps only a keyed hash).
 *
 * @param id            the client secret's id
 * @param identityId    the identity
 * @param description   what it is for
 * @param prefix        its first characters, to recognise it
 * @param numUses       logins made with it
 * @param numUsesLimit  logins it may make (0: unlimited)
 * @param ttlSeconds    its lifetime from creation (0: no expiry)
 * @param revoked       whether it was revoked
 * @since 0.1
 */
public record ClientSecret(String id, String identityId, String description,
                           @JsonProperty("clientSecretPrefix") String prefix,
                           @JsonProperty("clientSecretNumUses") long numUses,
                           @JsonProperty("clientSecretNumUsesLimit") long numUsesLimit,
                           @JsonProperty("clientSecretTTL") long ttlSeconds,
                           @JsonProperty("isClientSecretRevoked") boolean revoked, Instant createdAt, Instant updatedAt) {

    /** When it stops working by age, or null when it does not expire. */
    public Instant expiresAt() {
        return ttlSeconds <= 0 || createdAt == null ? null : createdAt.plusSeconds(ttlSeconds);
    }
}
