package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.IdentityTokens;
import io.latchkey.core.identity.auth.IdentityAuthMethods;
import io.latchkey.core.identity.auth.LoginCredentials;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.SecretsAuthDtos.AccessTokenRequest;
import io.latchkey.http.secrets.SecretsAuthDtos.LoginResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Machine-identity logins and token lifecycle (specs/infisical.md section 3.1): A1 and every other
 * {@code POST /api/v1/auth/<method>/login} through the method registry, A2 renew, A3 revoke. None takes a
 * bearer token. The vendor's methods this instance does not offer answer "method not enabled" in the
 * dialect's shape (400), for their login and their configuration paths alike.
 *
 * <p>Answers carrying a token are marked {@code Cache-Control: no-store}.
 *
 * @since 0.1
 */
public final class IdentityLoginHandler {
    private final SecretsAuthServices services;

    public IdentityLoginHandler(SecretsAuthServices services) {
        this.services = Require.nonNull(services, "services");
    }

    /** Logs in with the registered method {@code method}. */
    public void login(Context ctx, String method) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JsonBodies.read(ctx, Map.class);
        Map<String, String> strings = new LinkedHashMap<>();
        // Login bodies are flat objects of strings; other members (the SDK adds some) are ignored.
        body.forEach((k, v) -> {
            if (v instanceof String s) {
                strings.put(k, s);
            }
        });
        IdentityTokens.Issued issued = services.logins().login(method, new LoginCredentials(strings), Requests.meta(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(LoginResponse.of(issued));
    }

    /** A2. */
    public void renew(Context ctx) {
        IdentityTokens.Issued issued = services.identityTokens().renew(token(ctx), Requests.meta(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(LoginResponse.of(issued));
    }

    /** A3. */
    public void revoke(Context ctx) {
        services.identityTokens().revoke(token(ctx), Requests.meta(ctx));
        ctx.json(Map.of("message", "Successfully revoked access token"));
    }

    /** Any path of a method the vendor has and this instance does not offer. */
    public void notEnabled(Context ctx, String method) {
        throw IdentityAuthMethods.notEnabledOrUnknown(method);
    }

    private static String token(Context ctx) {
        AccessTokenRequest in = JsonBodies.read(ctx, AccessTokenRequest.class);
        if (in.accessToken() == null || in.accessToken().isBlank()) {
            throw LatchkeyException.missingField("accessToken");
        }
        return in.accessToken().trim();
    }
}
