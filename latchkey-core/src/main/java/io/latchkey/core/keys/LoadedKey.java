package io.latchkey.core.keys;

import io.latchkey.core.token.JwsAlgorithm;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;

/**
 * A key of the ring in usable form. {@code privateKey} is present only for the active key of each
 * algorithm; other keys are only ever used to verify.
 *
 * @since 0.1
 */
public record LoadedKey(String kid, JwsAlgorithm algorithm, KeyStatus status, PublicKey publicKey,
                        PrivateKey privateKey, Instant publishUntil) {
    @Override
    public String toString() {
        return "LoadedKey[kid=" + kid + ", alg=" + algorithm + ", status=" + status + "]";
    }
}
