package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.WireLists;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The instance's signing keys ({@code /iam/v1/admin/keys}, instance administrator only), reached through
 * {@link LatchkeyClient#keys()}. Accepts a user token or a machine identity token.
 *
 * @since 0.1
 */
public final class KeysApi {
    private static final AuthPolicy AUTH = AuthPolicy.of("admin keys", AuthMode.USER, AuthMode.IDENTITY);

    private final ApiExecutor executor;

    KeysApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /** The ring: public metadata of every stored key. */
    public List<SigningKey> list() {
        return executor.execute(ApiCall.get("/iam/v1/admin/keys", WireLists.Keys.class, AUTH)).keys();
    }

    /**
     * Rotates one algorithm: the pre-published next key starts signing, the active key retires (and stays
     * published until the tokens it signed expire), and a new next key is published.
     *
     * <p>Warning: clients that cache {@code keys[0]} of the IAM JWKS for the life of their process (the
     * IAM dialect's official auth provider does) cannot verify tokens signed after an ES256 rotation until
     * they restart. See docs/OPERATIONS.md, "Signing-key rotation".
     */
    public List<SigningKey> rotate(SigningAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm cannot be null");
        return executor.execute(ApiCall.post("/iam/v1/admin/keys/rotate", Map.of("algorithm", algorithm.name()),
                WireLists.Keys.class, AUTH)).keys();
    }
}
