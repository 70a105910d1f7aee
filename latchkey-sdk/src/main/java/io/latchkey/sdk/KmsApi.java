package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.Calls;
import io.latchkey.sdk.internal.OffsetPaging;
import io.latchkey.sdk.internal.SecretsWire;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * KMS keys of projects of type {@code kms} ({@code /api/v1/kms/keys}, specs/infisical.md section 8), reached
 * through {@link LatchkeyClient#kms()}: create, list, get, delete, rotate, encrypt and decrypt (symmetric
 * keys), sign and verify and export the public key (asymmetric keys). Same credentials as
 * {@link SecretsApi}. Plaintext and data travel base64-encoded; this class encodes and decodes them.
 *
 * @since 0.1
 */
public final class KmsApi {
    private static final String PATH = "/api/v1/kms/keys";

    private final ApiExecutor executor;

    KmsApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Creates a key.
     *
     * @param usage     {@code encrypt-decrypt} or {@code sign-verify}
     * @param algorithm {@code aes-256-gcm} (default for encrypt-decrypt), {@code aes-128-gcm},
     *                  {@code RSA_4096} or {@code ECC_NIST_P256} (sign-verify); null for the default
     * @throws BadRequestException when the name is taken or the project is not a KMS project
     */
    public KmsKey create(String projectId, String name, String usage, String algorithm, String description) {
        Objects.requireNonNull(projectId, "projectId cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", projectId);
        body.put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        if (usage != null) {
            body.put("keyUsage", usage);
        }
        if (algorithm != null) {
            body.put("encryptionAlgorithm", algorithm);
        }
        return key(ApiCall.post(PATH, body, SecretsWire.KmsKeyEnvelope.class, SecretsApi.AUTH));
    }

    /** The keys of a project by name, 100 at a time as you iterate. */
    public PagedIterable<KmsKey> list(String projectId) {
        Objects.requireNonNull(projectId, "projectId cannot be null");
        return OffsetPaging.of(100, (offset, limit) -> {
            SecretsWire.KmsKeyPage p = executor.execute(ApiCall.get(PATH, SecretsWire.KmsKeyPage.class, SecretsApi.AUTH)
                    .query("projectId", projectId).query("offset", offset).query("limit", limit));
            return new OffsetPaging.Slice<>(p.keys(), p.totalCount());
        });
    }

    /** A key by id. */
    public KmsKey get(String keyId) {
        return key(ApiCall.get(path(keyId), SecretsWire.KmsKeyEnvelope.class, SecretsApi.AUTH));
    }

    /** A key by its name in a project. */
    public KmsKey getByName(String projectId, String name) {
        Objects.requireNonNull(projectId, "projectId cannot be null");
        return key(ApiCall.get(PATH + "/key-name/" + ApiCall.segment(name), SecretsWire.KmsKeyEnvelope.class, SecretsApi.AUTH)
                .query("projectId", projectId));
    }

    /** Enables or disables a key. */
    public KmsKey setDisabled(String keyId, boolean disabled) {
        return key(Calls.patch(path(keyId), Map.of("isDisabled", disabled), SecretsWire.KmsKeyEnvelope.class, SecretsApi.AUTH));
    }

    /**
     * Deletes a key. Warning: ciphertexts it made can never be decrypted again.
     *
     * @return the key as it was
     */
    public KmsKey delete(String keyId) {
        return key(Calls.delete(path(keyId), null, SecretsWire.KmsKeyEnvelope.class, SecretsApi.AUTH));
    }

    /** Rotates a key: new operations use a new version; earlier ciphertexts and signatures still work. */
    public KmsKey rotate(String keyId) {
        return key(ApiCall.post(path(keyId) + "/rotate", null, SecretsWire.KmsKeyEnvelope.class, SecretsApi.AUTH));
    }

    /** Encrypts up to 4096 bytes; answers the opaque ciphertext (base64, carrying the key version). */
    public String encrypt(String keyId, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext cannot be null");
        return executor.execute(ApiCall.post(path(keyId) + "/encrypt",
                Map.of("plaintext", Base64.getEncoder().encodeToString(plaintext)), SecretsWire.Ciphertext.class,
                SecretsApi.AUTH)).ciphertext();
    }

    /** Decrypts a ciphertext {@link #encrypt} made (with any version of the key). */
    public byte[] decrypt(String keyId, String ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext cannot be null");
        String p = executor.execute(ApiCall.post(path(keyId) + "/decrypt", Map.of("ciphertext", ciphertext.trim()),
                SecretsWire.Plaintext.class, SecretsApi.AUTH)).plaintext();
        return Base64.getDecoder().decode(p);
    }

    /**
     * Signs data (or, with {@code isDigest}, a digest computed by the caller).
     *
     * @param signingAlgorithm one of {@link #signingAlgorithms(String)}
     */
    public KmsSignature sign(String keyId, byte[] data, String signingAlgorithm, boolean isDigest) {
        Objects.requireNonNull(data, "data cannot be null");
        Objects.requireNonNull(signingAlgorithm, "signingAlgorithm cannot be null");
        return executor.execute(ApiCall.post(path(keyId) + "/sign", Map.of("data", Base64.getEncoder().encodeToString(data),
                "signingAlgorithm", signingAlgorithm, "isDigest", isDigest), KmsSignature.class, SecretsApi.AUTH));
    }

    /** Whether {@code signature} (base64) is a valid signature of {@code data} by any version of the key. */
    public boolean verify(String keyId, byte[] data, String signature, String signingAlgorithm, boolean isDigest) {
        Objects.requireNonNull(data, "data cannot be null");
        Objects.requireNonNull(signature, "signature cannot be null");
        Objects.requireNonNull(signingAlgorithm, "signingAlgorithm cannot be null");
        Map<?, ?> r = executor.execute(ApiCall.post(path(keyId) + "/verify", Map.of("data",
                Base64.getEncoder().encodeToString(data), "signature", signature.trim(), "signingAlgorithm", signingAlgorithm,
                "isDigest", isDigest), Map.class, SecretsApi.AUTH));
        return Boolean.TRUE.equals(r.get("signatureValid"));
    }

    /** The signing algorithms the key supports. */
    public List<String> signingAlgorithms(String keyId) {
        List<String> l = executor.execute(ApiCall.get(path(keyId) + "/signing-algorithms", SecretsWire.SigningAlgorithms.class,
                SecretsApi.AUTH)).signingAlgorithms();
        return l == null ? List.of() : l;
    }

    /** The public key (base64 of DER SubjectPublicKeyInfo) of the current version, or of {@code version}. */
    public String publicKey(String keyId, Integer version) {
        return executor.execute(ApiCall.get(path(keyId) + "/public-key", SecretsWire.PublicKey.class, SecretsApi.AUTH)
                .query("version", version)).publicKey();
    }

    private KmsKey key(ApiCall<SecretsWire.KmsKeyEnvelope> call) {
        return executor.execute(call).key();
    }

    private static String path(String keyId) {
        return PATH + "/" + ApiCall.segment(keyId);
    }
}
