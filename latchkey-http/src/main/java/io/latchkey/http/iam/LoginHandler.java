package io.latchkey.http.iam;

import io.javalin.http.Context;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.IssuedToken;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;

/**
 * {@code POST /iam/v1/login}: email and password for a user token, usable on every user-authenticated
 * endpoint of the IAM dialect. (Upstream, users log in through the vendor's portal; this is our native
 * equivalent.)
 *
 * @since 0.1
 */
public final class LoginHandler {
    private final HttpServices services;

    /** Request body. */
    public record LoginRequest(String email, String password) {
    }

    /** Response body. */
    public record LoginResponse(String accessToken, long expiresIn, String tokenType) {
    }

    public LoginHandler(HttpServices services) {
        this.services = Require.nonNull(services, "services");
    }

    /** {@code POST /iam/v1/logout}: revokes the presented token (any native token kind); 204. */
    public void logout(Context ctx) {
        io.latchkey.core.principal.Actor actor = new io.latchkey.http.common.Auth(services.authenticator())
                .actor(ctx, io.latchkey.http.common.Auth.ANY_BUT_ACCESS_KEY);
        services.login().logout(actor, Requests.meta(ctx));
        ctx.status(204);
    }

    public void login(Context ctx) {
        LoginRequest req = JsonBodies.read(ctx, LoginRequest.class);
        IssuedToken t = services.login().login(req.email(), req.password(), Requests.meta(ctx));
        services.metrics().tokenIssued("user");
        ctx.header("Cache-Control", "no-store");
        ctx.json(new LoginResponse(t.value(), t.expiresInSeconds(), "Bearer"));
    }
}
