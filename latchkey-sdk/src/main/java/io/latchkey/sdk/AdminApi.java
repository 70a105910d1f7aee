package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;

import java.util.Objects;

/**
 * Instance administration that needs no credentials: bootstrap. Reached through
 * {@link LatchkeyClient#admin()}. Credentials the client holds are not sent.
 *
 * @since 0.1
 */
public final class AdminApi {
    private final ApiExecutor executor;

    AdminApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Initialises an empty instance ({@code POST /api/v1/admin/bootstrap}): the first organization, its
     * owner and an instance-admin machine identity. The answer holds the identity's token, once.
     *
     * @throws BadRequestException when the instance is already bootstrapped
     * @throws ValidationException when a field is missing or malformed
     */
    public BootstrapResponse bootstrap(BootstrapRequest request) {
        Objects.requireNonNull(request, "request cannot be null");
        return executor.execute(ApiCall.post("/api/v1/admin/bootstrap", request, BootstrapResponse.class, AuthPolicy.none()));
    }
}
