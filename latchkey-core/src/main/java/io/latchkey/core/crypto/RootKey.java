package io.latchkey.core.crypto;

import io.latchkey.core.support.Require;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The instance root key: 256 bits from configuration or from a file generated once in the data folder.
 * It never encrypts data directly. It wraps the keys that do (signing keys, project data keys) and derives
 * purpose-bound subkeys (for example the pepper of credential hashes), so that each use has its own key.
 *
 * <p>Derivation is HKDF-Expand (RFC 5869 section 2.3) with HMAC-SHA-256, the root key as PRK and the
 * purpose label as info; one block suffices for 32-byte outputs.
 *
 * @since 0.1
 */
public final class RootKey {
    private final byte[] key;
    private final SecretBox wrapper;

    private RootKey(byte[] key) {
        this.key = key;
        this.wrapper = new SecretBox(derive(key, "latchkey/key-wrapping/v1"));
    }

    /** Parses a root key given as standard or URL-safe base64 of exactly 32 bytes. */
    public static RootKey fromBase64(String encoded) {
        Require.nonBlank(encoded, "root key");
        byte[] raw;
        try {
            String s = encoded.trim();
            raw = s.contains("-") || s.contains("_") ? Base64.getUrlDecoder().decode(s) : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("root key is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("root key must decode to 32 bytes, got " + raw.length);
        }
        return new RootKey(raw);
    }

    public static RootKey generate() {
        return new RootKey(SecretBox.newKey());
    }

    /** The base64 form, for writing the generated key file. Handle the result as a secret. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /** Encrypts key material under the root key, bound to {@code context} (for example "signing-key:kid"). */
    public byte[] wrap(byte[] keyMaterial, String context) {
        return wrapper.seal(keyMaterial, context);
    }

    public byte[] unwrap(byte[] wrapped, String context) {
        return wrapper.open(wrapped, context);
    }

    /** A 32-byte subkey for one purpose. Distinct labels give independent keys. */
    public byte[] derive(String purpose) {
        return derive(key, purpose);
    }

    /** A short, non-secret fingerprint that tells two root keys apart (for logs and the key check). */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(derive("latchkey/fingerprint/v1"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] prk, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "RootKey[" + fingerprint() + "]";
    }
}
