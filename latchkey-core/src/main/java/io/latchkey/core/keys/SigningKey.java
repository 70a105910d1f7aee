package io.latchkey.core.keys;

import io.latchkey.core.token.JwsAlgorithm;

import java.time.Instant;

/**
 * A stored signing key. The private half is only ever held wrapped by the root key
 * ({@code privateKeyWrapped}, AES-256-GCM bound to {@code signing-key:<kid>}).
 *
 * @since 0.1
 */
public record SigningKey(String kid, JwsAlgorithm algorithm, KeyStatus status, byte[] privateKeyWrapped,
                         byte[] publicKeyDer, Instant createdAt, Instant activatedAt, Instant retiredAt,
                         Instant publishUntil) {

    public SigningKey withStatus(KeyStatus s, Instant activated, Instant retired, Instant until) {
        return new SigningKey(kid, algorithm, s, privateKeyWrapped, publicKeyDer, createdAt, activated, retired, until);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", alg=" + algorithm + ", status=" + status + "]";
    }
}
