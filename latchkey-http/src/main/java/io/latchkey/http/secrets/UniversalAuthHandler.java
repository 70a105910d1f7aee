package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.identity.ClientSecret;
import io.latchkey.core.identity.UniversalAuthConfig;
import io.latchkey.core.identity.UniversalAuthService;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.SecretsAuthDtos.ClientSecretDto;
import io.latchkey.http.secrets.SecretsAuthDtos.CreateClientSecretRequest;
import io.latchkey.http.secrets.SecretsAuthDtos.UniversalAuthDto;
import io.latchkey.http.secrets.SecretsAuthDtos.UniversalAuthRequest;

import java.util.List;
import java.util.Map;

/**
 * Universal-auth administration (specs/infisical.md section 3.1): {@code /api/v1/auth/universal-auth/
 * identities/{identityId}} (POST attach, GET, PATCH, DELETE revoke) and its {@code client-secrets}
 * (POST create, GET list, GET one, DELETE or POST {@code .../revoke}). IAT or user JWT.
 *
 * @since 0.1
 */
public final class UniversalAuthHandler {
    private static final UniversalAuthRequest EMPTY = new UniversalAuthRequest(null, null, null, null, null, null, null,
            null, null, null);

    private final SecretsAuthServices services;
    private final Auth auth;

    public UniversalAuthHandler(SecretsAuthServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void attach(Context ctx) {
        Actor actor = actor(ctx);
        UniversalAuthRequest in = JsonBodies.readOptional(ctx, UniversalAuthRequest.class, EMPTY);
        respond(ctx, ua().attach(actor, ctx.pathParam("identityId"), in.changes(), Requests.meta(ctx)));
    }

    public void get(Context ctx) {
        respond(ctx, ua().get(actor(ctx), ctx.pathParam("identityId")));
    }

    public void update(Context ctx) {
        Actor actor = actor(ctx);
        UniversalAuthRequest in = JsonBodies.readOptional(ctx, UniversalAuthRequest.class, EMPTY);
        respond(ctx, ua().update(actor, ctx.pathParam("identityId"), in.changes(), Requests.meta(ctx)));
    }

    public void revoke(Context ctx) {
        respond(ctx, ua().revoke(actor(ctx), ctx.pathParam("identityId"), Requests.meta(ctx)));
    }

    /** The secret is in the answer once; it is stored only as a keyed hash. */
    public void createClientSecret(Context ctx) {
        Actor actor = actor(ctx);
        String identityId = ctx.pathParam("identityId");
        CreateClientSecretRequest in = JsonBodies.readOptional(ctx, CreateClientSecretRequest.class,
                new CreateClientSecretRequest(null, null, null));
        UniversalAuthService.CreatedClientSecret created = ua().createClientSecret(actor, identityId, in.description(),
                in.numUsesLimit(), in.ttl(), Requests.meta(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("clientSecret", created.secret(),
                "clientSecretData", ClientSecretDto.of(created.data(), uaId(actor, identityId))));
    }

    public void listClientSecrets(Context ctx) {
        Actor actor = actor(ctx);
        String identityId = ctx.pathParam("identityId");
        String uaId = uaId(actor, identityId);
        List<ClientSecretDto> out = ua().listClientSecrets(actor, identityId).stream()
                .map(s -> ClientSecretDto.of(s, uaId)).toList();
        ctx.json(Map.of("clientSecretData", out));
    }

    public void getClientSecret(Context ctx) {
        Actor actor = actor(ctx);
        String identityId = ctx.pathParam("identityId");
        ClientSecret s = ua().getClientSecret(actor, identityId, ctx.pathParam("clientSecretId"));
        ctx.json(Map.of("clientSecretData", ClientSecretDto.of(s, uaId(actor, identityId))));
    }

    public void revokeClientSecret(Context ctx) {
        Actor actor = actor(ctx);
        String identityId = ctx.pathParam("identityId");
        ClientSecret s = ua().revokeClientSecret(actor, identityId, ctx.pathParam("clientSecretId"), Requests.meta(ctx));
        ctx.json(Map.of("clientSecretData", ClientSecretDto.of(s, uaId(actor, identityId))));
    }

    private String uaId(Actor actor, String identityId) {
        return ua().get(actor, identityId).id();
    }

    private static void respond(Context ctx, UniversalAuthConfig c) {
        ctx.json(Map.of("identityUniversalAuth", UniversalAuthDto.of(c)));
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
    }

    private UniversalAuthService ua() {
        return services.universalAuth();
    }
}
