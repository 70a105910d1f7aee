package io.latchkey.core.kms;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The KMS's signatures must verify with the JDK's standard algorithms, and its ciphertexts must bind key and version. */
class KmsCryptoTest {
    static KmsCrypto.Material rsa;
    static KmsCrypto.Material ec;
    static final byte[] DATA = "the data to sign".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void keys() {
        rsa = KmsCrypto.generate(KmsAlgorithm.RSA_4096);
        ec = KmsCrypto.generate(KmsAlgorithm.ECC_NIST_P256);
    }

    @Test
    void encryptWhenRoundTripThenPlaintextAndRandomizedCiphertexts() {
        KmsCrypto.Material aes = KmsCrypto.generate(KmsAlgorithm.AES_128_GCM);
        assertThat(aes.secret()).hasSize(16);
        byte[] c1 = KmsCrypto.encrypt(aes.secret(), "k1", 3, DATA);
        byte[] c2 = KmsCrypto.encrypt(aes.secret(), "k1", 3, DATA);
        assertThat(c1).isNotEqualTo(c2);
        assertThat(KmsCrypto.versionOf(c1)).isEqualTo(3);
        assertThat(KmsCrypto.decrypt(aes.secret(), "k1", c1)).isEqualTo(DATA);
    }

    @Test
    void decryptWhenOtherKeyIdOrTamperedThenInvalidCiphertext() {
        byte[] key = KmsCrypto.generate(KmsAlgorithm.AES_256_GCM).secret();
        byte[] c = KmsCrypto.encrypt(key, "k1", 1, DATA);
        assertThatThrownBy(() -> KmsCrypto.decrypt(key, "k2", c)).isInstanceOfSatisfying(LatchkeyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        c[c.length - 1] ^= 1;
        assertThatThrownBy(() -> KmsCrypto.decrypt(key, "k1", c)).isInstanceOf(LatchkeyException.class);
        assertThatThrownBy(() -> KmsCrypto.versionOf(new byte[3])).isInstanceOf(LatchkeyException.class);
    }

    @Test
    void signWhenEveryRsaAlgorithmThenJdkStandardVerifierAccepts() throws Exception {
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(rsa.publicKey()));
        for (SigningAlgorithm a : SigningAlgorithm.forKey(KmsAlgorithm.RSA_4096)) {
            byte[] sig = KmsCrypto.sign(KmsAlgorithm.RSA_4096, rsa.secret(), a, KmsCrypto.digest(a, DATA, false));
            Signature v = jdkVerifier(a);
            v.initVerify(pub);
            v.update(DATA);
            assertThat(v.verify(sig)).as(a.name()).isTrue();
            assertThat(KmsCrypto.verify(KmsAlgorithm.RSA_4096, rsa.publicKey(), a, KmsCrypto.digest(a, DATA, false), sig)).isTrue();
            assertThat(KmsCrypto.verify(KmsAlgorithm.RSA_4096, rsa.publicKey(), a, KmsCrypto.digest(a, "other".getBytes(), false), sig))
                    .isFalse();
        }
    }

    @Test
    void signWhenEcdsaWithPrecomputedDigestThenDerSignatureOverTheData() throws Exception {
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(ec.publicKey()));
        for (SigningAlgorithm a : SigningAlgorithm.forKey(KmsAlgorithm.ECC_NIST_P256)) {
            byte[] digest = MessageDigest.getInstance(a.digest()).digest(DATA);
            byte[] sig = KmsCrypto.sign(KmsAlgorithm.ECC_NIST_P256, ec.secret(), a, KmsCrypto.digest(a, digest, true));
            assertThat(sig[0]).as("DER SEQUENCE").isEqualTo((byte) 0x30);
            Signature v = jdkVerifier(a);
            v.initVerify(pub);
            v.update(DATA);
            assertThat(v.verify(sig)).as(a.name()).isTrue();
        }
    }

    @Test
    void digestWhenWrongLengthThenInvalidRequestNamingData() {
        assertThatThrownBy(() -> KmsCrypto.digest(SigningAlgorithm.ECDSA_SHA_256, new byte[31], true))
                .isInstanceOfSatisfying(LatchkeyException.class, e -> assertThat(e.field()).isEqualTo("data"));
    }

    @Test
    void signingAlgorithmsWhenKeyTypeThenMatchingFamily() {
        assertThat(SigningAlgorithm.forKey(KmsAlgorithm.ECC_NIST_P256)).containsExactly(SigningAlgorithm.ECDSA_SHA_256,
                SigningAlgorithm.ECDSA_SHA_384, SigningAlgorithm.ECDSA_SHA_512);
        assertThat(SigningAlgorithm.forKey(KmsAlgorithm.RSA_4096)).hasSize(6);
        assertThat(SigningAlgorithm.forKey(KmsAlgorithm.AES_256_GCM)).isEmpty();
    }

    private static Signature jdkVerifier(SigningAlgorithm a) throws Exception {
        String hash = a.digest().replace("-", "");
        return switch (a.scheme()) {
            case ECDSA -> Signature.getInstance(hash + "withECDSA");
            case PKCS1 -> Signature.getInstance(hash + "withRSA");
            case PSS -> {
                Signature s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec(a.digest(), "MGF1", new MGF1ParameterSpec(a.digest()), a.digestLength(), 1));
                yield s;
            }
        };
    }
}
