package io.latchkey.core.identity;

import io.latchkey.core.support.Require;

import java.time.Instant;

/**
 * One login's use of a universal-auth client secret, to be counted against its use limit
 * ({@link IdentityAuthRepository#consumeClientSecretUses}).
 *
 * @param secretId the client secret's id
 * @param at when it was used (becomes the secret's {@code updatedAt})
 * @since 0.1
 */
public record ClientSecretUse(String secretId, Instant at) {
    public ClientSecretUse {
        Require.nonNull(secretId, "secretId");
        Require.nonNull(at, "at");
    }
}
