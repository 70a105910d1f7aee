package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.Calls;
import io.latchkey.sdk.internal.SecretsWire;

import java.util.List;
import java.util.Map;

/**
 * Token auth of machine identities ({@code /api/v1/auth/token-auth}, specs/infisical.md section 3.2),
 * reached through {@link LatchkeyClient#tokenAuth()}: an administrator attaches it and mints tokens for an
 * identity directly. User or identity token.
 *
 * <p>Warning: a token-auth token is a bearer credential handed out by a person; prefer universal auth
 * (whose access tokens are short-lived) for machines that can keep a client secret.
 *
 * @since 0.1
 */
public final class TokenAuthApi {
    private static final AuthPolicy AUTH = AuthPolicy.of("token auth", AuthMode.USER, AuthMode.IDENTITY);
    private static final String BASE = "/api/v1/auth/token-auth/identities/";
    private static final String TOKENS = "/api/v1/auth/token-auth/tokens/";

    private final ApiExecutor executor;

    TokenAuthApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /** Attaches token auth with the server's default token settings. */
    public void attach(String identityId) {
        executor.execute(ApiCall.post(BASE + ApiCall.segment(identityId), Map.of(), Void.class, AUTH));
    }

    /** Detaches token auth; the tokens it issued are revoked. */
    public void revoke(String identityId) {
        executor.execute(Calls.delete(BASE + ApiCall.segment(identityId), null, Void.class, AUTH));
    }

    /** Mints a token for the identity; the answer holds it this once. */
    public CreatedIdentityToken createToken(String identityId, String name) {
        Map<String, Object> body = name == null ? Map.of() : Map.of("name", name);
        return executor.execute(ApiCall.post(BASE + ApiCall.segment(identityId) + "/tokens", body,
                SecretsWire.CreatedToken.class, AUTH)).toCreated();
    }

    /** The records of the identity's tokens (the first 100). */
    public List<IdentityToken> listTokens(String identityId) {
        List<IdentityToken> l = executor.execute(ApiCall.get(BASE + ApiCall.segment(identityId) + "/tokens",
                SecretsWire.TokenList.class, AUTH).query("limit", 100)).tokens();
        return l == null ? List.of() : l;
    }

    /** Revokes one token at once, on every server node. */
    public void revokeToken(String tokenId) {
        executor.execute(ApiCall.post(TOKENS + ApiCall.segment(tokenId) + "/revoke", null, Void.class, AUTH));
    }
}
