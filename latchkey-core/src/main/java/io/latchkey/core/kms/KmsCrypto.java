package io.latchkey.core.kms;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The KMS's cryptography, with the JDK's providers only.
 *
 * <p>Ciphertext form (opaque to clients): {@code 0x01 || keyVersion (4 bytes, big-endian) || nonce (12) ||
 * AES-GCM ciphertext and tag}, with associated data {@code kms:<keyId>:<keyVersion>}. The embedded version
 * lets a rotated key decrypt what its earlier versions encrypted; the associated data makes a ciphertext of
 * one key useless with another.
 *
 * <p>Signing always goes through the digest: the data is hashed here unless the caller sent the digest
 * ({@code isDigest}), then signed as a pre-hashed message. ECDSA signs with {@code NONEwithECDSA} (DER
 * output), PKCS#1 v1.5 with {@code NONEwithRSA} over the DigestInfo, and RSASSA-PSS, which the JDK offers
 * only over whole messages, with EMSA-PSS encoding (RFC 8017 section 9.1) and the raw RSA operation of the
 * JDK's cipher (which blinds it). The result verifies with the standard algorithms (SHA256withECDSA,
 * RSASSA-PSS, ...); the unit tests check exactly that.
 *
 * @since 0.1
 */
final class KmsCrypto {
    private static final byte FORMAT = 1;
    private static final int HEADER = 1 + 4;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KmsCrypto() {
    }

    /** Fresh material of a version: secret (AES key or PKCS#8 private key) and public key (null for AES). */
    record Material(byte[] secret, byte[] publicKey) {
    }

    static Material generate(KmsAlgorithm algorithm) {
        try {
            switch (algorithm) {
                case AES_256_GCM, AES_128_GCM -> {
                    byte[] k = new byte[algorithm == KmsAlgorithm.AES_256_GCM ? 32 : 16];
                    RANDOM.nextBytes(k);
                    return new Material(k, null);
                }
                case RSA_4096 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(4096, RANDOM);
                    return of(g.generateKeyPair());
                }
                default -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                    return of(g.generateKeyPair());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed for " + algorithm, e);
        }
    }

    private static Material of(KeyPair pair) {
        return new Material(pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
    }

    static byte[] encrypt(byte[] key, String keyId, int version, byte[] plaintext) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = gcm(Cipher.ENCRYPT_MODE, key, nonce, keyId, version);
            ByteBuffer out = ByteBuffer.allocate(HEADER + NONCE + c.getOutputSize(plaintext.length));
            out.put(FORMAT).putInt(version).put(nonce).put(c.doFinal(plaintext));
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The key version a ciphertext was made with; 400 when it is not one of ours. */
    static int versionOf(byte[] ciphertext) {
        if (ciphertext.length < HEADER + NONCE + TAG_BITS / 8 || ciphertext[0] != FORMAT) {
            throw invalidCiphertext();
        }
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    static byte[] decrypt(byte[] key, String keyId, byte[] ciphertext) {
        int version = versionOf(ciphertext);
        try {
            Cipher c = gcm(Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(ciphertext, HEADER, HEADER + NONCE), keyId, version);
            return c.doFinal(ciphertext, HEADER + NONCE, ciphertext.length - HEADER - NONCE);
        } catch (AEADBadTagException e) {
            throw invalidCiphertext();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    static LatchkeyException invalidCiphertext() {
        return LatchkeyException.field(ErrorCode.INVALID_REQUEST, "ciphertext",
                "ciphertext was not produced by this key or was altered");
    }

    private static Cipher gcm(int mode, byte[] key, byte[] nonce, String keyId, int version) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(("kms:" + keyId + ":" + version).getBytes(StandardCharsets.UTF_8));
        return c;
    }

    /** The digest to sign: {@code data} itself when {@code isDigest}, else its hash. 400 on a wrong length. */
    static byte[] digest(SigningAlgorithm algorithm, byte[] data, boolean isDigest) {
        if (isDigest) {
            if (data.length != algorithm.digestLength()) {
                throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, "data", "data must be a " + algorithm.digestLength()
                        + "-byte " + algorithm.digest() + " digest when isDigest is true");
            }
            return data;
        }
        try {
            return MessageDigest.getInstance(algorithm.digest()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(KmsAlgorithm keyType, byte[] pkcs8, SigningAlgorithm algorithm, byte[] digest) {
        try {
            PrivateKey key = KeyFactory.getInstance(keyType == KmsAlgorithm.RSA_4096 ? "RSA" : "EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return switch (algorithm.scheme()) {
                case ECDSA -> raw("NONEwithECDSA", key, digest);
                case PKCS1 -> raw("NONEwithRSA", key, Pss.digestInfo(algorithm, digest));
                case PSS -> Pss.sign((PrivateKey & RSAKey) key, algorithm, digest);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed with " + algorithm, e);
        }
    }

    static boolean verify(KmsAlgorithm keyType, byte[] spki, SigningAlgorithm algorithm, byte[] digest, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance(keyType == KmsAlgorithm.RSA_4096 ? "RSA" : "EC")
                    .generatePublic(new X509EncodedKeySpec(spki));
            return switch (algorithm.scheme()) {
                case ECDSA -> rawVerify("NONEwithECDSA", key, digest, signature);
                case PKCS1 -> rawVerify("NONEwithRSA", key, Pss.digestInfo(algorithm, digest), signature);
                case PSS -> Pss.verify((PublicKey & RSAKey) key, algorithm, digest, signature);
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] raw(String jdkName, PrivateKey key, byte[] input) throws GeneralSecurityException {
        Signature s = Signature.getInstance(jdkName);
        s.initSign(key, RANDOM);
        s.update(input);
        return s.sign();
    }

    private static boolean rawVerify(String jdkName, PublicKey key, byte[] input, byte[] signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance(jdkName);
        s.initVerify(key);
        s.update(input);
        return s.verify(signature);
    }

    /** RSASSA-PSS over a digest (RFC 8017 sections 8.1 and 9.1) and PKCS#1 v1.5 DigestInfo encoding. */
    static final class Pss {
        // DER prefixes of DigestInfo for SHA-256, SHA-384, SHA-512 (RFC 8017 section 9.2, note 1).
        private static final byte[] SHA256_INFO = hex("3031300d060960864801650304020105000420");
        private static final byte[] SHA384_INFO = hex("3041300d060960864801650304020205000430");
        private static final byte[] SHA512_INFO = hex("3051300d060960864801650304020305000440");

        private Pss() {
        }

        static byte[] digestInfo(SigningAlgorithm algorithm, byte[] digest) {
            byte[] prefix = switch (algorithm.digestLength()) {
                case 32 -> SHA256_INFO;
                case 48 -> SHA384_INFO;
                default -> SHA512_INFO;
            };
            byte[] out = Arrays.copyOf(prefix, prefix.length + digest.length);
            System.arraycopy(digest, 0, out, prefix.length, digest.length);
            return out;
        }

        static <K extends PrivateKey & RSAKey> byte[] sign(K key, SigningAlgorithm algorithm, byte[] mHash)
                throws GeneralSecurityException {
            int emBits = key.getModulus().bitLength() - 1;
            byte[] em = encode(mHash, emBits, algorithm.digest());
            Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
            rsa.init(Cipher.ENCRYPT_MODE, key);
            return rsa.doFinal(em);
        }

        static <K extends PublicKey & RSAKey> boolean verify(K key, SigningAlgorithm algorithm, byte[] mHash, byte[] signature)
                throws GeneralSecurityException {
            int modBytes = (key.getModulus().bitLength() + 7) / 8;
            if (signature.length != modBytes) {
                return false;
            }
            Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
            rsa.init(Cipher.DECRYPT_MODE, key);
            byte[] m = rsa.doFinal(signature);
            int emBits = key.getModulus().bitLength() - 1;
            int emLen = (emBits + 7) / 8;
            byte[] em = m.length == emLen ? m : Arrays.copyOfRange(m, m.length - emLen, m.length);
            return check(em, mHash, emBits, algorithm.digest());
        }

        /** EMSA-PSS-ENCODE with a salt as long as the hash. */
        static byte[] encode(byte[] mHash, int emBits, String hash) throws GeneralSecurityException {
            MessageDigest md = MessageDigest.getInstance(hash);
            int hLen = md.getDigestLength();
            int emLen = (emBits + 7) / 8;
            byte[] salt = new byte[hLen];
            RANDOM.nextBytes(salt);
            md.update(new byte[8]);
            md.update(mHash);
            byte[] h = md.digest(salt);
            byte[] db = new byte[emLen - hLen - 1];
            db[emLen - 2 * hLen - 2] = 1;
            System.arraycopy(salt, 0, db, db.length - hLen, hLen);
            xor(db, mgf1(h, db.length, hash));
            db[0] &= (byte) (0xFF >>> (8 * emLen - emBits));
            byte[] em = Arrays.copyOf(db, emLen);
            System.arraycopy(h, 0, em, db.length, hLen);
            em[emLen - 1] = (byte) 0xBC;
            return em;
        }

        /** EMSA-PSS-VERIFY with a salt as long as the hash. */
        static boolean check(byte[] em, byte[] mHash, int emBits, String hash) throws GeneralSecurityException {
            MessageDigest md = MessageDigest.getInstance(hash);
            int hLen = md.getDigestLength();
            int emLen = em.length;
            int topMask = 0xFF >>> (8 * emLen - emBits);
            if (emLen < 2 * hLen + 2 || em[emLen - 1] != (byte) 0xBC || (em[0] & ~topMask & 0xFF) != 0) {
                return false;
            }
            byte[] db = Arrays.copyOf(em, emLen - hLen - 1);
            byte[] h = Arrays.copyOfRange(em, emLen - hLen - 1, emLen - 1);
            xor(db, mgf1(h, db.length, hash));
            db[0] &= (byte) topMask;
            int sep = emLen - 2 * hLen - 2;
            for (int i = 0; i < sep; i++) {
                if (db[i] != 0) {
                    return false;
                }
            }
            if (db[sep] != 1) {
                return false;
            }
            md.update(new byte[8]);
            md.update(mHash);
            byte[] expected = md.digest(Arrays.copyOfRange(db, db.length - hLen, db.length));
            return MessageDigest.isEqual(expected, h);
        }

        private static byte[] mgf1(byte[] seed, int length, String hash) throws GeneralSecurityException {
            MessageDigest md = MessageDigest.getInstance(hash);
            byte[] out = new byte[length];
            int done = 0;
            for (int counter = 0; done < length; counter++) {
                md.update(seed);
                md.update(ByteBuffer.allocate(4).putInt(counter).array());
                byte[] block = md.digest();
                int n = Math.min(block.length, length - done);
                System.arraycopy(block, 0, out, done, n);
                done += n;
            }
            return out;
        }

        private static void xor(byte[] target, byte[] mask) {
            for (int i = 0; i < target.length; i++) {
                target[i] ^= mask[i];
            }
        }

        private static byte[] hex(String s) {
            byte[] out = new byte[s.length() / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
            }
            return out;
        }
    }
}
