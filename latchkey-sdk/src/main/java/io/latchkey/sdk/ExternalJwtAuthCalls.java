package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.Calls;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The calls JWT auth and OIDC auth share: one configuration path per method, answered in an envelope of
 * the method's own, and one login path taking {@code {identityId, jwt}}. {@link JwtAuthApi} and
 * {@link OidcAuthApi} give each method its types.
 *
 * @param <C> the configuration type
 * @param <E> the envelope it arrives in
 */
final class ExternalJwtAuthCalls<C, E> {
    private final ApiExecutor executor;
    private final String method;
    private final AuthPolicy auth;
    private final Class<E> envelope;
    private final Function<E, C> unwrap;

    ExternalJwtAuthCalls(ApiExecutor executor, String method, Class<E> envelope, Function<E, C> unwrap) {
        this.executor = executor;
        this.method = method;
        this.auth = AuthPolicy.of(method, AuthMode.USER, AuthMode.IDENTITY);
        this.envelope = envelope;
        this.unwrap = unwrap;
    }

    C attach(String identityId, ExternalJwtSettings<?> settings) {
        Objects.requireNonNull(settings, "settings cannot be null");
        return unwrap.apply(executor.execute(ApiCall.post(path(identityId), settings.toBody(), envelope, auth)));
    }

    C get(String identityId) {
        return unwrap.apply(executor.execute(ApiCall.get(path(identityId), envelope, auth)));
    }

    C update(String identityId, ExternalJwtSettings<?> settings) {
        Objects.requireNonNull(settings, "settings cannot be null");
        return unwrap.apply(executor.execute(Calls.patch(path(identityId), settings.toBody(), envelope, auth)));
    }

    C revoke(String identityId) {
        return unwrap.apply(executor.execute(Calls.delete(path(identityId), null, envelope, auth)));
    }

    IdentityLogin login(String identityId, String jwt) {
        Objects.requireNonNull(identityId, "identityId cannot be null");
        Objects.requireNonNull(jwt, "jwt cannot be null");
        return executor.execute(ApiCall.post("/api/v1/auth/" + method + "/login", Map.of("identityId", identityId, "jwt", jwt),
                IdentityLogin.class, AuthPolicy.none()));
    }

    private String path(String identityId) {
        return "/api/v1/auth/" + method + "/identities/" + ApiCall.segment(identityId);
    }
}
