package io.latchkey.core.identity.auth;

import io.latchkey.core.identity.AccessTokenSettings;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.WritePlan;

import java.util.Map;

/**
 * A successful proof of identity: who logged in and what the token to issue looks like.
 *
 * @param metadata claims of the credential to carry in the token ({@code metadata} claim), may be empty
 * @param clientSecretId the universal-auth client secret used, else null
 * @param onIssue writes made in the transaction that stores the new session, before it (for example counting
 *        a client secret's use, so that the count and the session commit together, in one commit); may
 *        refuse the login by throwing from one of its functions, which then stores nothing
 * @since 0.1
 */
public record LoginGrant(MachineIdentity identity, AccessTokenSettings tokens, Map<String, String> metadata,
                         String clientSecretId, WritePlan<Void> onIssue) {
    public LoginGrant {
        Require.nonNull(identity, "identity");
        Require.nonNull(tokens, "tokens");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        onIssue = onIssue == null ? WritePlan.done(null) : onIssue;
    }

    public LoginGrant(MachineIdentity identity, AccessTokenSettings tokens, Map<String, String> metadata,
                      String clientSecretId) {
        this(identity, tokens, metadata, clientSecretId, null);
    }
}
