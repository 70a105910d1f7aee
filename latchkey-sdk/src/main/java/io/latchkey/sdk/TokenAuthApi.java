package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.Calls;
import io.latchkey.sdk.internal.SecretsWire;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Token auth of machine identities ({@code /api/v1/auth/token-auth}, specs/infisical.md section 3.2),
 * reached through {@link LatchkeyClient#tokenAuth()}: an administrator attaches it and mints tokens for an
 * identity directly; the tokens are listed, read and renamed by their records and revoked one by one. User
 * or identity token.
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
    public TokenAuth attach(String identityId) {
        return attach(identityId, TokenAuthSettings.defaults());
    }

    /**
     * Attaches token auth to an identity.
     *
     * @throws BadRequestException when it is attached already
     * @throws ValidationException when a setting is out of range (e.g. max TTL below TTL)
     * @since 0.1
     */
    public TokenAuth attach(String identityId, TokenAuthSettings settings) {
        Objects.requireNonNull(settings, "settings cannot be null");
        return executor.execute(ApiCall.post(path(identityId), settings.toBody(), SecretsWire.TokenAuthEnvelope.class,
                AUTH)).tokenAuth();
    }

    /** The configuration. */
    public TokenAuth get(String identityId) {
        return executor.execute(ApiCall.get(path(identityId), SecretsWire.TokenAuthEnvelope.class, AUTH)).tokenAuth();
    }

    /** Changes the settings given; the others stay. Tokens already minted keep the settings they were minted with. */
    public TokenAuth update(String identityId, TokenAuthSettings settings) {
        Objects.requireNonNull(settings, "settings cannot be null");
        return executor.execute(Calls.patch(path(identityId), settings.toBody(), SecretsWire.TokenAuthEnvelope.class,
                AUTH)).tokenAuth();
    }

    /** Detaches token auth; the tokens it issued are revoked. */
    public TokenAuth revoke(String identityId) {
        return executor.execute(Calls.delete(path(identityId), null, SecretsWire.TokenAuthEnvelope.class, AUTH))
                .tokenAuth();
    }

    /** Mints a token for the identity; the answer holds it this once. {@code name} may be null. */
    public CreatedIdentityToken createToken(String identityId, String name) {
        Map<String, Object> body = name == null ? Map.of() : Map.of("name", name);
        return executor.execute(ApiCall.post(path(identityId) + "/tokens", body,
                SecretsWire.CreatedToken.class, AUTH)).toCreated();
    }

    /** The records of the identity's tokens (the first 100). */
    public List<IdentityToken> listTokens(String identityId) {
        List<IdentityToken> l = executor.execute(ApiCall.get(path(identityId) + "/tokens",
                SecretsWire.TokenList.class, AUTH).query("limit", 100)).tokens();
        return l == null ? List.of() : l;
    }

    /** The record of one token (never the token). */
    public IdentityToken getToken(String tokenId) {
        return executor.execute(ApiCall.get(TOKENS + ApiCall.segment(tokenId), SecretsWire.TokenEnvelope.class, AUTH))
                .token();
    }

    /** Renames a token. */
    public IdentityToken renameToken(String tokenId, String name) {
        Objects.requireNonNull(name, "name cannot be null");
        return executor.execute(Calls.patch(TOKENS + ApiCall.segment(tokenId), Map.of("name", name),
                SecretsWire.TokenEnvelope.class, AUTH)).token();
    }

    /** Revokes one token at once, on every server node. */
    public void revokeToken(String tokenId) {
        executor.execute(ApiCall.post(TOKENS + ApiCall.segment(tokenId) + "/revoke", null, Void.class, AUTH));
    }

    private static String path(String identityId) {
        return BASE + ApiCall.segment(identityId);
    }
}
