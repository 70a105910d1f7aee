package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.identity.IdentityTokens;
import io.latchkey.core.identity.TokenAuthConfig;
import io.latchkey.core.identity.TokenAuthService;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.SecretsAuthDtos.CreatedTokenResponse;
import io.latchkey.http.secrets.SecretsAuthDtos.TokenAuthDto;
import io.latchkey.http.secrets.SecretsAuthDtos.TokenAuthRequest;
import io.latchkey.http.secrets.SecretsAuthDtos.TokenDataDto;
import io.latchkey.http.secrets.SecretsAuthDtos.TokenNameRequest;

import java.util.Map;

/**
 * Token auth (specs/infisical.md section 3.2): the configuration at {@code /api/v1/auth/token-auth/
 * identities/{identityId}} and its tokens (create, list, get, rename, revoke). IAT or user JWT.
 *
 * @since 0.1
 */
public final class TokenAuthHandler {
    private static final TokenAuthRequest EMPTY = new TokenAuthRequest(null, null, null, null, null);

    private final SecretsAuthServices services;
    private final Auth auth;

    public TokenAuthHandler(SecretsAuthServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void attach(Context ctx) {
        Actor actor = actor(ctx);
        TokenAuthRequest in = JsonBodies.readOptional(ctx, TokenAuthRequest.class, EMPTY);
        respond(ctx, tokenAuth().attach(actor, ctx.pathParam("identityId"), in.tokenChanges(), Requests.meta(ctx)));
    }

    public void get(Context ctx) {
        respond(ctx, tokenAuth().get(actor(ctx), ctx.pathParam("identityId")));
    }

    public void update(Context ctx) {
        Actor actor = actor(ctx);
        TokenAuthRequest in = JsonBodies.readOptional(ctx, TokenAuthRequest.class, EMPTY);
        respond(ctx, tokenAuth().update(actor, ctx.pathParam("identityId"), in.tokenChanges(), Requests.meta(ctx)));
    }

    public void revoke(Context ctx) {
        respond(ctx, tokenAuth().revoke(actor(ctx), ctx.pathParam("identityId"), Requests.meta(ctx)));
    }

    /** The token is in the answer once. */
    public void createToken(Context ctx) {
        Actor actor = actor(ctx);
        TokenNameRequest in = JsonBodies.readOptional(ctx, TokenNameRequest.class, new TokenNameRequest(null));
        IdentityTokens.Issued issued = tokenAuth().createToken(actor, ctx.pathParam("identityId"), in.name(), Requests.meta(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(CreatedTokenResponse.of(issued));
    }

    public void listTokens(Context ctx) {
        Actor actor = actor(ctx);
        int offset = IdentityHandler.offset(ctx);
        int limit = IdentityHandler.limit(ctx, IdentityHandler.MAX_PAGE);
        ctx.json(Map.of("tokens", tokenAuth().listTokens(actor, ctx.pathParam("identityId"), offset, limit).stream()
                .map(TokenDataDto::of).toList()));
    }

    public void getToken(Context ctx) {
        ctx.json(Map.of("token", TokenDataDto.of(tokenAuth().getToken(actor(ctx), ctx.pathParam("tokenId")).token())));
    }

    public void renameToken(Context ctx) {
        Actor actor = actor(ctx);
        TokenNameRequest in = JsonBodies.read(ctx, TokenNameRequest.class);
        ctx.json(Map.of("token", TokenDataDto.of(tokenAuth().renameToken(actor, ctx.pathParam("tokenId"), in.name(),
                Requests.meta(ctx)).token())));
    }

    public void revokeToken(Context ctx) {
        tokenAuth().revokeToken(actor(ctx), ctx.pathParam("tokenId"), Requests.meta(ctx));
        ctx.json(Map.of("message", "Successfully revoked access token"));
    }

    private static void respond(Context ctx, TokenAuthConfig c) {
        ctx.json(Map.of("identityTokenAuth", TokenAuthDto.of(c)));
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
    }

    private TokenAuthService tokenAuth() {
        return services.tokenAuth();
    }
}
