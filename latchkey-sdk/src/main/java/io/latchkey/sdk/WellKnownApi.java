package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;

/**
 * Public discovery documents, reached through {@link LatchkeyClient#wellKnown()}. No credentials are sent.
 *
 * @since 0.1
 */
public final class WellKnownApi {
    /** The IAM dialect's JWKS; {@code keys[0]} is the key that currently signs access tokens. */
    public static final String JWKS_PATH = "/iam/.well-known/jwks.json";

    private final ApiExecutor executor;

    WellKnownApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /** The public signing keys ({@code /iam/.well-known/jwks.json}). */
    public JsonWebKeySet jwks() {
        return executor.execute(ApiCall.get(JWKS_PATH, JsonWebKeySet.class, AuthPolicy.none()));
    }

    /** The discovery document ({@code /.well-known/openid-configuration}), which names the token issuer. */
    public OpenIdConfiguration openIdConfiguration() {
        return executor.execute(ApiCall.get("/.well-known/openid-configuration", OpenIdConfiguration.class,
                AuthPolicy.none()));
    }
}
