package io.latchkey.sdk;

import io.latchkey.sdk.internal.PemBlocks;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Key pairs of personal access tokens, with the JDK only: generate one, write and read PEM, describe the
 * public half as a JWK.
 *
 * <p>Private keys the SDK reads ({@link #readPrivateKey(String, char[])}), RSA or EC:
 * <ul>
 *   <li>PKCS#8, {@code -----BEGIN PRIVATE KEY-----} (what {@code openssl genpkey} writes);</li>
 *   <li>encrypted PKCS#8, {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}, with PBES2 (PBKDF2 with an HMAC-SHA
 *       PRF and AES-CBC; OpenSSL's default for {@code -aes256}/{@code openssl pkcs8 -topk8 -v2 aes-256-cbc})
 *       or the JDK's own PBE schemes;</li>
 *   <li>the traditional unencrypted forms {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS#1) and
 *       {@code -----BEGIN EC PRIVATE KEY-----} (SEC1, the curve named in its parameters).</li>
 * </ul>
 * Traditional keys encrypted with OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} scheme (an MD5-based key
 * derivation) are refused with the command that converts them to encrypted PKCS#8.
 *
 * <p>Keys this class writes are PKCS#8, encrypted with PBES2 (PBKDF2-HMAC-SHA256, {@value #PBKDF2_ITERATIONS}
 * iterations, AES-256-CBC) when a passphrase is given; OpenSSL reads them.
 *
 * @since 0.1
 */
public final class TokenKeys {
    /** PBKDF2 iterations of keys this class encrypts. */
    public static final int PBKDF2_ITERATIONS = 310_000;
    private static final String PBES2 = "PBEWithHmacSHA256AndAES_256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenKeys() {
    }

    /**
     * A new key pair for {@code algorithm}: RSA 2048-bit (3072-bit for RS512), EC P-256 or P-521.
     */
    public static KeyPair generate(TokenSigningAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm cannot be null");
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm.keyType());
            switch (algorithm) {
                case RS256 -> g.initialize(2048, RANDOM);
                case RS512 -> g.initialize(3072, RANDOM);
                case ES256 -> g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                case ES512 -> g.initialize(new ECGenParameterSpec("secp521r1"), RANDOM);
                default -> throw new IllegalStateException("unknown algorithm " + algorithm);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate " + algorithm + " keys", e);
        }
    }

    /** The private key as unencrypted PKCS#8 PEM. Keep it secret: whoever holds it can act as the token. */
    public static String privateKeyPem(PrivateKey key) {
        Objects.requireNonNull(key, "key cannot be null");
        return PemBlocks.encode("PRIVATE KEY", key.getEncoded());
    }

    /** The private key as encrypted PKCS#8 PEM (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC). */
    public static String privateKeyPem(PrivateKey key, char[] passphrase) {
        Objects.requireNonNull(key, "key cannot be null");
        requirePassphrase(passphrase);
        byte[] plain = key.getEncoded();
        try {
            byte[] salt = new byte[16];
            byte[] iv = new byte[16];
            RANDOM.nextBytes(salt);
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance(PBES2);
            c.init(Cipher.ENCRYPT_MODE, pbeKey(PBES2, passphrase), new PBEParameterSpec(salt, PBKDF2_ITERATIONS, new IvParameterSpec(iv)));
            byte[] encrypted = c.doFinal(plain);
            // The JDK cannot name PBEWithHmacSHA256AndAES_256 by an OID; the same parameters as "PBES2" it can.
            AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
            pbes2.init(c.getParameters().getEncoded());
            return PemBlocks.encode("ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(pbes2, encrypted).getEncoded());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot encrypt the private key with " + PBES2, e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, SubjectPublicKeyInfo). */
    public static String publicKeyPem(PublicKey key) {
        Objects.requireNonNull(key, "key cannot be null");
        return PemBlocks.encode("PUBLIC KEY", key.getEncoded());
    }

    /**
     * Reads a private key in one of the forms listed in the class comment.
     *
     * @param passphrase the passphrase of an encrypted key; null for an unencrypted one
     * @throws IllegalArgumentException when the text is not a supported private key, the passphrase is
     *                                  missing or wrong; the message never contains key material
     */
    public static PrivateKey readPrivateKey(String pem, char[] passphrase) {
        PemBlocks.Block b = PemBlocks.find(pem, "PRIVATE KEY");
        return switch (b.label()) {
            case "PRIVATE KEY" -> pkcs8(b.der());
            case "ENCRYPTED PRIVATE KEY" -> pkcs8(decrypt(b.der(), passphrase));
            case "RSA PRIVATE KEY" -> traditional(b, true);
            case "EC PRIVATE KEY" -> traditional(b, false);
            default -> throw new IllegalArgumentException("unsupported PEM block " + b.label()
                    + ": use PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY");
        };
    }

    /**
     * Reads a public key ({@code -----BEGIN PUBLIC KEY-----}, RSA or EC).
     *
     * @throws IllegalArgumentException when the text is not such a key
     */
    public static PublicKey readPublicKey(String pem) {
        byte[] der = PemBlocks.find(pem, "PUBLIC KEY").der();
        for (String type : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisType) {
                // try the next type
            }
        }
        throw new IllegalArgumentException("the PUBLIC KEY block is neither an RSA nor an EC key");
    }

    /** The algorithm a key is usually used with: RS256 for RSA, ES256 for P-256, ES512 for P-521. */
    public static TokenSigningAlgorithm defaultAlgorithm(Key key) {
        Objects.requireNonNull(key, "key cannot be null");
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits == 256) {
                return TokenSigningAlgorithm.ES256;
            }
            if (bits == 521) {
                return TokenSigningAlgorithm.ES512;
            }
            throw new IllegalArgumentException("EC keys on P-256 (ES256) or P-521 (ES512) only, got a " + bits + "-bit curve");
        }
        if ("RSA".equals(key.getAlgorithm())) {
            return TokenSigningAlgorithm.RS256;
        }
        throw new IllegalArgumentException("RSA or EC keys only, got " + key.getAlgorithm());
    }

    /**
     * Checks that {@code key} can sign with {@code algorithm} (RSA for RS*, the matching curve for ES*).
     *
     * @throws IllegalArgumentException when it cannot, naming both
     */
    public static void requireCompatible(Key key, TokenSigningAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm cannot be null");
        boolean ok = algorithm.keyType().equals("RSA") ? "RSA".equals(key.getAlgorithm())
                : key instanceof ECKey && defaultAlgorithm(key) == algorithm;
        if (!ok) {
            throw new IllegalArgumentException("a " + describe(key) + " key cannot sign " + algorithm);
        }
    }

    /**
     * The public JWK of a key, with {@code kid}, {@code alg} and {@code use: sig}, as the vendor's CLI writes
     * it. Only public members are written.
     */
    public static Map<String, Object> jwk(PublicKey key, String kid, TokenSigningAlgorithm algorithm) {
        Objects.requireNonNull(key, "key cannot be null");
        Objects.requireNonNull(kid, "kid cannot be null");
        requireCompatible(key, algorithm);
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kid", kid);
        jwk.put("alg", algorithm.name());
        jwk.put("use", "sig");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        if (key instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            jwk.put("n", b64.encodeToString(unsigned(rsa.getModulus(), 0)));
            jwk.put("e", b64.encodeToString(unsigned(rsa.getPublicExponent(), 0)));
        } else {
            ECPublicKey ec = (ECPublicKey) key;
            int size = algorithm.ecPartLength();
            jwk.put("kty", "EC");
            jwk.put("crv", algorithm == TokenSigningAlgorithm.ES256 ? "P-256" : "P-521");
            jwk.put("x", b64.encodeToString(unsigned(ec.getW().getAffineX(), size)));
            jwk.put("y", b64.encodeToString(unsigned(ec.getW().getAffineY(), size)));
        }
        return jwk;
    }

    private static String describe(Key key) {
        if (key instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() + "-bit EC";
        }
        return key.getAlgorithm();
    }

    /** Big-endian unsigned bytes, left-padded to {@code size} (0: minimal). */
    private static byte[] unsigned(BigInteger v, int size) {
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = Arrays.copyOfRange(b, 1, b.length);
        }
        if (size > b.length) {
            byte[] padded = new byte[size];
            System.arraycopy(b, 0, padded, size - b.length, b.length);
            return padded;
        }
        return b;
    }

    private static PrivateKey traditional(PemBlocks.Block b, boolean rsa) {
        if (PemBlocks.legacyEncrypted(b)) {
            throw new IllegalArgumentException("this " + b.label() + " is encrypted with OpenSSL's legacy scheme, which the"
                    + " SDK does not read; convert it to encrypted PKCS#8: openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.pem -out key.pem");
        }
        return pkcs8(rsa ? PemBlocks.pkcs8OfPkcs1(b.der()) : PemBlocks.pkcs8OfSec1(b.der()));
    }

    private static PrivateKey pkcs8(byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            for (String type : new String[] {"RSA", "EC"}) {
                try {
                    return KeyFactory.getInstance(type).generatePrivate(spec);
                } catch (GeneralSecurityException notThisType) {
                    // try the next type
                }
            }
            throw new IllegalArgumentException("the private key is neither an RSA nor an EC key");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static byte[] decrypt(byte[] der, char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("the private key is encrypted: a passphrase is needed");
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            AlgorithmParameters params = info.getAlgParameters();
            String algorithm = params != null ? params.toString() : info.getAlgName();
            Cipher c = Cipher.getInstance(algorithm);
            c.init(Cipher.DECRYPT_MODE, pbeKey(algorithm, passphrase), params);
            return info.getKeySpec(c).getEncoded();
        } catch (InvalidKeyException | javax.crypto.BadPaddingException e) {
            throw new IllegalArgumentException("cannot decrypt the private key: wrong passphrase?", e);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot decrypt the private key (" + e.getClass().getSimpleName()
                    + "): a wrong passphrase, or an encryption scheme this JDK does not support; PBES2 with AES-CBC works", e);
        }
    }

    private static SecretKey pbeKey(String algorithm, char[] passphrase) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec);
        } finally {
            spec.clearPassword();
        }
    }

    private static void requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase cannot be null or empty");
        }
    }
}
