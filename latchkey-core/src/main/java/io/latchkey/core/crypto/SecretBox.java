package io.latchkey.core.crypto;

import io.latchkey.core.support.Require;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption with AES-256-GCM: a fresh 96-bit random nonce per message and caller-supplied
 * associated data that binds the ciphertext to its context (a key id, a project id, a secret's identity), so
 * a ciphertext moved to another row fails to open.
 *
 * <p>Wire form: {@code 0x01 || nonce(12) || ciphertext || tag(16)}. The leading version byte leaves room
 * for another algorithm without guessing.
 *
 * <p>Instances are immutable and thread-safe. Each thread keeps one {@link Cipher} and re-initialises it per
 * message with that message's key and nonce (looking a cipher up through the provider list cost more than
 * the AES work itself for a secret-sized value); GCM forbids reusing a key and nonce pair for encryption,
 * which fresh random nonces never do, and a cipher that threw is dropped rather than reused.
 *
 * @since 0.1
 */
public final class SecretBox {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final ThreadLocal<Cipher> CIPHER = new ThreadLocal<>();

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        Require.nonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("key must be 32 bytes (AES-256), was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Generates a new random 256-bit key. */
    public static byte[] newKey() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return k;
    }

    public byte[] seal(byte[] plaintext, String associatedData) {
        Require.nonNull(plaintext, "plaintext");
        Require.nonNull(associatedData, "associatedData");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[1 + NONCE_BYTES + c.getOutputSize(plaintext.length)];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            c.doFinal(plaintext, 0, plaintext.length, out, 1 + NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException | RuntimeException e) {
            CIPHER.remove();
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Opens a sealed message.
     *
     * @throws DecryptionFailedException when the message was tampered with, sealed under another key or
     *         with other associated data
     */
    public byte[] open(byte[] sealed, String associatedData) {
        Require.nonNull(sealed, "sealed");
        Require.nonNull(associatedData, "associatedData");
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new DecryptionFailedException("sealed message is malformed");
        }
        try {
            Cipher c = cipher();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            CIPHER.remove();
            throw new DecryptionFailedException("sealed message failed authentication");
        } catch (GeneralSecurityException | RuntimeException e) {
            CIPHER.remove();
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private static Cipher cipher() throws GeneralSecurityException {
        Cipher c = CIPHER.get();
        if (c == null) {
            c = Cipher.getInstance("AES/GCM/NoPadding");
            CIPHER.set(c);
        }
        return c;
    }

    /** Thrown when a sealed message cannot be authenticated. */
    public static final class DecryptionFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DecryptionFailedException(String message) {
            super(message);
        }
    }
}
