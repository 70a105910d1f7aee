package io.latchkey.core.identity.auth;

import io.latchkey.core.identity.AccessTokenSettings;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.support.Require;

import java.util.Map;

/**
 * A successful proof of identity: who logged in and what the token to issue looks like.
 *
 * @param metadata claims of the credential to carry in the token ({@code metadata} claim), may be empty
 * @param clientSecretId the universal-auth client secret used, else null
 * @since 0.1
 */
public record LoginGrant(MachineIdentity identity, AccessTokenSettings tokens, Map<String, String> metadata,
                         String clientSecretId) {
    public LoginGrant {
        Require.nonNull(identity, "identity");
        Require.nonNull(tokens, "tokens");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
