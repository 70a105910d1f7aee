package io.latchkey.sdk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenKeysTest {
    private static final char[] PASSPHRASE = "test-passphrase".toCharArray();

    static String fixture(String name) {
        try (InputStream in = TokenKeysTest.class.getResourceAsStream("/keys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertPair(PrivateKey priv, PublicKey pub) throws Exception {
        TokenSigningAlgorithm alg = TokenKeys.defaultAlgorithm(priv);
        Signature s = Signature.getInstance(alg.jdkName());
        s.initSign(priv);
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(alg.jdkName());
        v.initVerify(pub);
        v.update(new byte[] {1, 2, 3});
        assertThat(v.verify(sig)).as("the private key matches its public key").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs8.pem", "rsa-pkcs1.pem", "rsa-pkcs8-encrypted.pem"})
    void readPrivateKeyWhenOpensslRsaFormsThenSameKey(String file) throws Exception {
        PrivateKey k = TokenKeys.readPrivateKey(fixture(file), file.contains("encrypted") ? PASSPHRASE : null);
        assertThat(k.getAlgorithm()).isEqualTo("RSA");
        assertPair(k, TokenKeys.readPublicKey(fixture("rsa-public.pem")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec-pkcs8.pem", "ec-sec1.pem", "ec-pkcs8-encrypted.pem"})
    void readPrivateKeyWhenOpensslEcFormsThenSameKey(String file) throws Exception {
        PrivateKey k = TokenKeys.readPrivateKey(fixture(file), file.contains("encrypted") ? PASSPHRASE : null);
        assertThat(TokenKeys.defaultAlgorithm(k)).isEqualTo(TokenSigningAlgorithm.ES256);
        assertPair(k, TokenKeys.readPublicKey(fixture("ec-public.pem")));
    }

    @Test
    void readPrivateKeyWhenLegacyEncryptedTraditionalThenRefusedWithConversionCommand() {
        assertThatThrownBy(() -> TokenKeys.readPrivateKey(fixture("rsa-pkcs1-encrypted.pem"), PASSPHRASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openssl pkcs8 -topk8 -v2 aes-256-cbc");
        assertThatThrownBy(() -> TokenKeys.readPrivateKey(fixture("rsa-pkcs1-encrypted.pem").replace("\n", "\r\n"), PASSPHRASE))
                .as("Windows line ends").hasMessageContaining("openssl pkcs8 -topk8");
        assertThat(TokenKeys.readPrivateKey(fixture("ec-sec1.pem").replace("\n", "\r\n"), null).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void readPrivateKeyWhenPassphraseMissingOrWrongThenClearErrorWithoutKeyMaterial() {
        String pem = fixture("rsa-pkcs8-encrypted.pem");
        assertThatThrownBy(() -> TokenKeys.readPrivateKey(pem, null)).hasMessage("the private key is encrypted: a passphrase is needed");
        assertThatThrownBy(() -> TokenKeys.readPrivateKey(pem, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passphrase")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(pem.substring(40, 80)));
        assertThatThrownBy(() -> TokenKeys.readPrivateKey("not a key", null)).hasMessageContaining("no -----BEGIN");
        assertThatThrownBy(() -> TokenKeys.readPrivateKey(fixture("rsa-public.pem"), null)).hasMessageContaining("PRIVATE KEY");
    }

    @ParameterizedTest
    @EnumSource(TokenSigningAlgorithm.class)
    void generateWhenWrittenAndReadBackPlainAndEncryptedThenSameKey(TokenSigningAlgorithm alg) throws Exception {
        KeyPair pair = TokenKeys.generate(alg);
        assertThat(TokenKeys.defaultAlgorithm(pair.getPrivate()).keyType()).isEqualTo(alg.keyType());
        String plain = TokenKeys.privateKeyPem(pair.getPrivate());
        assertThat(plain).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(TokenKeys.readPrivateKey(plain, null)).isEqualTo(pair.getPrivate());
        String encrypted = TokenKeys.privateKeyPem(pair.getPrivate(), PASSPHRASE);
        assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        assertThat(TokenKeys.readPrivateKey(encrypted, PASSPHRASE)).isEqualTo(pair.getPrivate());
        assertThat(TokenKeys.readPublicKey(TokenKeys.publicKeyPem(pair.getPublic()))).isEqualTo(pair.getPublic());
        TokenKeys.requireCompatible(pair.getPrivate(), alg);
    }

    @Test
    void jwkWhenRsaAndEcThenPublicMembersOnlyWithKidAlgUse() {
        Map<String, Object> rsa = TokenKeys.jwk(TokenKeys.readPublicKey(fixture("rsa-public.pem")), "k1", TokenSigningAlgorithm.RS512);
        assertThat(rsa).containsEntry("kid", "k1").containsEntry("alg", "RS512").containsEntry("use", "sig")
                .containsEntry("kty", "RSA").containsEntry("e", "AQAB").containsKey("n").doesNotContainKeys("d", "p", "q");
        Map<String, Object> ec = TokenKeys.jwk(TokenKeys.generate(TokenSigningAlgorithm.ES512).getPublic(), "k2", TokenSigningAlgorithm.ES512);
        assertThat(ec).containsEntry("kty", "EC").containsEntry("crv", "P-521").doesNotContainKey("d");
        assertThat(((String) ec.get("x"))).hasSize(88); // 66 bytes, base64url without padding
    }

    @Test
    void requireCompatibleWhenKeyAndAlgorithmDisagreeThenNamesBoth() {
        PublicKey ec = TokenKeys.readPublicKey(fixture("ec-public.pem"));
        assertThatThrownBy(() -> TokenKeys.requireCompatible(ec, TokenSigningAlgorithm.RS256))
                .hasMessage("a 256-bit EC key cannot sign RS256");
        assertThatThrownBy(() -> TokenKeys.requireCompatible(ec, TokenSigningAlgorithm.ES512))
                .hasMessage("a 256-bit EC key cannot sign ES512");
    }
}
