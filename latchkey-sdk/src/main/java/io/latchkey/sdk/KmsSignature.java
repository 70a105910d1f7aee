package io.latchkey.sdk;

/**
 * A signature made by a KMS key.
 *
 * @param signature        base64 of the signature (DER for ECDSA)
 * @param keyId            the key
 * @param signingAlgorithm e.g. {@code ECDSA_SHA_256}, {@code RSASSA_PSS_SHA_256}
 * @since 0.1
 */
public record KmsSignature(String signature, String keyId, String signingAlgorithm) {
}
