package io.latchkey.http.secrets;

import io.latchkey.core.token.TokenUse;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which credential kinds may call which resource categories of the secrets dialect (seed 003, "auth modes
 * per resource"), enforced by the server. IAT (identity access token) is a {@link TokenUse#IDENTITY}
 * token, a user JWT is a {@link TokenUse#USER} token; service tokens do not exist here. Any other kind of
 * token (a personal access token's session, a project-scoped token, an access-key session) is refused with
 * 401 like an invalid token, as the vendor answers a disallowed auth mode; a credential of an allowed kind
 * that lacks the permission gets 403.
 *
 * <table>
 *   <caption>categories</caption>
 *   <tr><th>category</th><th>seed 003 resources</th><th>accepted</th></tr>
 *   <tr><td>{@link #SECRETS}</td><td>secrets, secretFolders, secretImports</td><td>IAT, user JWT</td></tr>
 *   <tr><td>{@link #MANAGEMENT}</td><td>projects, organizations, organizationIdentities, identities,
 *       identityAuth, pki, kms, secretTags, appConnections, secretSyncs, integrationAuth</td><td>IAT, user JWT</td></tr>
 *   <tr><td>{@link #IDENTITY_TOKENS}</td><td>identityAccessTokens (renew, revoke: the token is in the body)</td>
 *       <td>IAT</td></tr>
 *   <tr><td>{@link #USER_ONLY}</td><td>admin, orgAdmin, secretSharing, webhooks, users, mfa, serviceTokens,
 *       password</td><td>user JWT</td></tr>
 * </table>
 *
 * @since 0.1
 */
public final class SecretsAuthModes {
    public static final Set<TokenUse> SECRETS = EnumSet.of(TokenUse.IDENTITY, TokenUse.USER);
    public static final Set<TokenUse> MANAGEMENT = EnumSet.of(TokenUse.IDENTITY, TokenUse.USER);
    public static final Set<TokenUse> IDENTITY_TOKENS = EnumSet.of(TokenUse.IDENTITY);
    public static final Set<TokenUse> USER_ONLY = EnumSet.of(TokenUse.USER);

    private SecretsAuthModes() {
    }
}
