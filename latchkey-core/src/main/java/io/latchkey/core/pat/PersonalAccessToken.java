package io.latchkey.core.pat;

import io.latchkey.core.token.JwsAlgorithm;

import java.time.Instant;

/**
 * A personal access token (the IAM dialect's "token"): a machine principal owned by a user, living outside
 * projects, authenticating with client assertions signed by a private key that never leaves the owner's
 * machine. Latchkey holds only the public keys.
 *
 * @since 0.1
 */
public record PersonalAccessToken(String id, String ownerUserId, String name, String description,
                                  JwsAlgorithm signingAlgorithm, PublicKeyInfo publicKeyInfo, Instant createdAt,
                                  Instant updatedAt) {

    public PersonalAccessToken with(String newName, JwsAlgorithm alg, PublicKeyInfo keys, Instant now) {
        return new PersonalAccessToken(id, ownerUserId, newName, description, alg, keys, createdAt, now);
    }

    @Override
    public String toString() {
        return "PersonalAccessToken[id=" + id + ", alg=" + signingAlgorithm + "]";
    }
}
