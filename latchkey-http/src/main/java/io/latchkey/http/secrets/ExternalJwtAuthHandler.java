package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.identity.AuthMethodNames;
import io.latchkey.core.identity.ExternalJwtAuthConfig;
import io.latchkey.core.identity.ExternalJwtAuthService;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.SecretsAuthDtos.ExternalJwtAuthRequest;
import io.latchkey.http.secrets.SecretsAuthDtos.JwtAuthDto;
import io.latchkey.http.secrets.SecretsAuthDtos.OidcAuthDto;

import java.util.Map;

/**
 * JWT-auth and OIDC-auth configuration (seed 003, {@code identityAuth.jwt} and {@code identityAuth.oidc}):
 * {@code /api/v1/auth/jwt-auth/identities/{identityId}} and {@code /api/v1/auth/oidc-auth/identities/
 * {identityId}} (POST attach, GET, PATCH, DELETE revoke), answered as {@code identityJwtAuth} and
 * {@code identityOidcAuth}. One handler instance serves one method. IAT or user JWT.
 *
 * @since 0.1
 */
public final class ExternalJwtAuthHandler {
    private final SecretsAuthServices services;
    private final Auth auth;
    private final String method;

    /** @param method {@link AuthMethodNames#JWT_AUTH} or {@link AuthMethodNames#OIDC_AUTH} */
    public ExternalJwtAuthHandler(SecretsAuthServices services, Auth auth, String method) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
        this.method = Require.nonBlank(method, "method");
    }

    public void attach(Context ctx) {
        Actor actor = actor(ctx);
        ExternalJwtAuthRequest in = JsonBodies.read(ctx, ExternalJwtAuthRequest.class);
        respond(ctx, jwtAuth().attach(actor, method, ctx.pathParam("identityId"), in.changes(), Requests.meta(ctx)));
    }

    public void get(Context ctx) {
        respond(ctx, jwtAuth().get(actor(ctx), method, ctx.pathParam("identityId")));
    }

    public void update(Context ctx) {
        Actor actor = actor(ctx);
        ExternalJwtAuthRequest in = JsonBodies.read(ctx, ExternalJwtAuthRequest.class);
        respond(ctx, jwtAuth().update(actor, method, ctx.pathParam("identityId"), in.changes(), Requests.meta(ctx)));
    }

    public void revoke(Context ctx) {
        respond(ctx, jwtAuth().revoke(actor(ctx), method, ctx.pathParam("identityId"), Requests.meta(ctx)));
    }

    private void respond(Context ctx, ExternalJwtAuthConfig c) {
        if (AuthMethodNames.OIDC_AUTH.equals(method)) {
            ctx.json(Map.of("identityOidcAuth", OidcAuthDto.of(c)));
        } else {
            ctx.json(Map.of("identityJwtAuth", JwtAuthDto.of(c)));
        }
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
    }

    private ExternalJwtAuthService jwtAuth() {
        return services.externalJwtAuth();
    }
}
