package io.latchkey.core.kms;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;

import java.util.Arrays;
import java.util.List;

/**
 * The spec's signing algorithm names (specs/infisical.md section 8): RSASSA-PSS and RSASSA-PKCS1-v1_5 for
 * RSA keys, ECDSA (DER-encoded signatures) for EC keys, each with SHA-256, -384 or -512. PSS uses MGF1 with
 * the same hash and a salt as long as the hash.
 *
 * @since 0.1
 */
public enum SigningAlgorithm {
    RSASSA_PSS_SHA_256(Scheme.PSS, "SHA-256"),
    RSASSA_PSS_SHA_384(Scheme.PSS, "SHA-384"),
    RSASSA_PSS_SHA_512(Scheme.PSS, "SHA-512"),
    RSASSA_PKCS1_V1_5_SHA_256(Scheme.PKCS1, "SHA-256"),
    RSASSA_PKCS1_V1_5_SHA_384(Scheme.PKCS1, "SHA-384"),
    RSASSA_PKCS1_V1_5_SHA_512(Scheme.PKCS1, "SHA-512"),
    ECDSA_SHA_256(Scheme.ECDSA, "SHA-256"),
    ECDSA_SHA_384(Scheme.ECDSA, "SHA-384"),
    ECDSA_SHA_512(Scheme.ECDSA, "SHA-512");

    /** The signature scheme. */
    public enum Scheme { PSS, PKCS1, ECDSA }

    private final Scheme scheme;
    private final String digest;

    SigningAlgorithm(Scheme scheme, String digest) {
        this.scheme = scheme;
        this.digest = digest;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** The JDK name of the hash ({@code SHA-256}). */
    public String digest() {
        return digest;
    }

    /** Length in bytes of this algorithm's hash. */
    public int digestLength() {
        return Integer.parseInt(digest.substring(4)) / 8;
    }

    /** The algorithms a key type can sign with (K11), in the spec's order. */
    public static List<SigningAlgorithm> forKey(KmsAlgorithm key) {
        return Arrays.stream(values()).filter(a -> a.fits(key)).toList();
    }

    public boolean fits(KmsAlgorithm key) {
        return key == KmsAlgorithm.ECC_NIST_P256 ? scheme == Scheme.ECDSA : key == KmsAlgorithm.RSA_4096 && scheme != Scheme.ECDSA;
    }

    public static SigningAlgorithm fromWire(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw LatchkeyException.missingField(field);
        }
        for (SigningAlgorithm a : values()) {
            if (a.name().equals(value)) {
                return a;
            }
        }
        throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, field, field + " is not a supported signing algorithm");
    }
}
