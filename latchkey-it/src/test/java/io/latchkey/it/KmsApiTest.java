package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import org.junit.jupiter.api.AfterAll;
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
import java.util.Base64;

import static io.latchkey.it.SecretsFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

/** KMS keys (specs/infisical.md section 8, K1-K12) and rotation. */
class KmsApiTest {
    static SecretsFixture f;
    static String project;
    static final String DATA = Base64.getEncoder().encodeToString("sign me".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void start() {
        f = new SecretsFixture();
        project = f.project("kms", "kms");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static JsonNode createKey(String name, String usage, String algorithm) {
        TestResponse r = f.server.post("/api/v1/kms/keys", f.admin, body("projectId", project, "name", name,
                "description", "d", "keyUsage", usage, "encryptionAlgorithm", algorithm));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("key");
    }

    static TestResponse post(String keyId, String op, Object body) {
        return f.server.post("/api/v1/kms/keys/" + keyId + "/" + op, f.admin, body);
    }

    @Test
    void keyWhenCreatedThenSpecShapeAndFindableByIdNameAndList() {
        JsonNode k = createKey("shape", "encrypt-decrypt", "aes-256-gcm");
        assertThat(k.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(k.get("name").asText()).isEqualTo("shape");
        assertThat(k.get("isDisabled").asBoolean()).isFalse();
        assertThat(k.get("projectId").asText()).isEqualTo(project);
        assertThat(k.get("orgId").asText()).isNotBlank();
        assertThat(k.get("keyUsage").asText()).isEqualTo("encrypt-decrypt");
        assertThat(k.get("encryptionAlgorithm").asText()).isEqualTo("aes-256-gcm");
        assertThat(k.get("version").asInt()).isEqualTo(1);
        String id = k.get("id").asText();
        assertThat(f.server.get("/api/v1/kms/keys/" + id, f.admin).json().get("key").get("name").asText()).isEqualTo("shape");
        assertThat(f.server.get("/api/v1/kms/keys/key-name/shape?projectId=" + project, f.admin).json().get("key").get("id")
                .asText()).isEqualTo(id);
        JsonNode list = f.server.get("/api/v1/kms/keys?projectId=" + project + "&search=sha", f.admin).json();
        assertThat(list.get("totalCount").asInt()).isEqualTo(1);
        assertThat(list.get("keys").get(0).get("id").asText()).isEqualTo(id);
        TestResponse updated = f.server.patch("/api/v1/kms/keys/" + id, f.admin, body("name", "shape-2", "description", "new"));
        assertThat(updated.json().get("key").get("name").asText()).isEqualTo("shape-2");
        TestResponse deleted = f.server.delete("/api/v1/kms/keys/" + id, f.admin);
        assertThat(deleted.json().get("key").get("id").asText()).isEqualTo(id);
        assertThat(f.server.get("/api/v1/kms/keys/" + id, f.admin).status()).isEqualTo(404);
    }

    @Test
    void createWhenBadInputThenSpecStatuses() {
        createKey("dup", "encrypt-decrypt", "aes-128-gcm");
        assertThat(f.server.post("/api/v1/kms/keys", f.admin, body("projectId", project, "name", "dup")).status()).isEqualTo(400);
        String secretsProject = f.project("not-kms", "secret-manager");
        TestResponse wrongType = f.server.post("/api/v1/kms/keys", f.admin, body("projectId", secretsProject, "name", "k"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text("error")).isEqualTo("BadRequest");
        assertThat(f.server.post("/api/v1/kms/keys", f.admin, body("projectId", project, "name", "Not A Slug")).status()).isEqualTo(422);
        assertThat(f.server.post("/api/v1/kms/keys", f.admin, body("projectId", project, "name", "x".repeat(33))).status()).isEqualTo(422);
        assertThat(f.server.post("/api/v1/kms/keys", f.admin, body("projectId", project, "name", "mix", "keyUsage", "sign-verify",
                "encryptionAlgorithm", "aes-256-gcm")).status()).isEqualTo(400);
        assertThat(f.server.get("/api/v1/kms/keys/not-a-uuid", f.admin).status()).isEqualTo(422);
        assertThat(f.server.get("/api/v1/kms/keys/00000000-0000-4000-8000-000000000000", f.admin).status()).isEqualTo(404);
    }

    @Test
    void encryptDecryptWhenRoundTripThenPlaintextAndMisuseRefused() {
        for (String alg : new String[] {"aes-256-gcm", "aes-128-gcm"}) {
            String id = createKey("enc-" + alg, "encrypt-decrypt", alg).get("id").asText();
            String plaintext = Base64.getEncoder().encodeToString(("hello " + alg).getBytes(StandardCharsets.UTF_8));
            String c1 = post(id, "encrypt", body("plaintext", plaintext, "keyId", id)).text("ciphertext");
            String c2 = post(id, "encrypt", body("plaintext", plaintext)).text("ciphertext");
            assertThat(c1).isNotEqualTo(c2);
            assertThat(post(id, "decrypt", body("ciphertext", c1, "keyId", id)).text("plaintext")).isEqualTo(plaintext);
            byte[] tampered = Base64.getDecoder().decode(c1);
            tampered[tampered.length - 1] ^= 1;
            assertThat(post(id, "decrypt", body("ciphertext", Base64.getEncoder().encodeToString(tampered))).status()).isEqualTo(400);
        }
        String id = createKey("enc-limits", "encrypt-decrypt", "aes-256-gcm").get("id").asText();
        assertThat(post(id, "encrypt", body("plaintext", Base64.getEncoder().encodeToString(new byte[4097]))).status()).isEqualTo(422);
        assertThat(post(id, "encrypt", body("plaintext", "not base64!")).status()).isEqualTo(422);
        assertThat(post(id, "sign", body("data", DATA, "signingAlgorithm", "ECDSA_SHA_256")).status()).as("wrong usage").isEqualTo(400);
        f.server.patch("/api/v1/kms/keys/" + id, f.admin, body("isDisabled", true));
        TestResponse disabled = post(id, "encrypt", body("plaintext", "aGk="));
        assertThat(disabled.status()).isEqualTo(400);
        assertThat(disabled.body()).contains("disabled");
    }

    @Test
    void signVerifyWhenEcdsaThenDerSignatureVerifiableWithExportedPublicKey() throws Exception {
        String id = createKey("ecc", "sign-verify", "ECC_NIST_P256").get("id").asText();
        JsonNode algs = f.server.get("/api/v1/kms/keys/" + id + "/signing-algorithms", f.admin).json().get("signingAlgorithms");
        assertThat(algs).extracting(JsonNode::asText).containsExactly("ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512");
        TestResponse signed = post(id, "sign", body("data", DATA, "signingAlgorithm", "ECDSA_SHA_256", "keyId", id));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.text("keyId")).isEqualTo(id);
        assertThat(signed.text("signingAlgorithm")).isEqualTo("ECDSA_SHA_256");
        String sig = signed.text("signature");
        JsonNode ok = post(id, "verify", body("data", DATA, "signature", sig, "signingAlgorithm", "ECDSA_SHA_256")).json();
        assertThat(ok.get("signatureValid").asBoolean()).isTrue();
        String other = Base64.getEncoder().encodeToString("other".getBytes(StandardCharsets.UTF_8));
        TestResponse bad = post(id, "verify", body("data", other, "signature", sig, "signingAlgorithm", "ECDSA_SHA_256"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.json().get("signatureValid").asBoolean()).isFalse();

        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(
                f.server.get("/api/v1/kms/keys/" + id + "/public-key", f.admin).text("publicKey"))));
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(pub);
        v.update("sign me".getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(Base64.getDecoder().decode(sig))).isTrue();

        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest("sign me".getBytes(StandardCharsets.UTF_8)));
        String sig384 = post(id, "sign", body("data", digest, "signingAlgorithm", "ECDSA_SHA_384", "isDigest", true)).text("signature");
        assertThat(post(id, "verify", body("data", DATA, "signature", sig384, "signingAlgorithm", "ECDSA_SHA_384")).json()
                .get("signatureValid").asBoolean()).isTrue();
        assertThat(post(id, "sign", body("data", DATA, "signingAlgorithm", "RSASSA_PSS_SHA_256")).status()).isEqualTo(400);
        assertThat(post(id, "encrypt", body("plaintext", DATA)).status()).as("wrong usage").isEqualTo(400);
    }

    @Test
    void signWhenRsaThenPssAndPkcs1VerifyWithTheJdk() throws Exception {
        String id = createKey("rsa", "sign-verify", "RSA_4096").get("id").asText();
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(
                f.server.get("/api/v1/kms/keys/" + id + "/public-key", f.admin).text("publicKey"))));
        String pss = post(id, "sign", body("data", DATA, "signingAlgorithm", "RSASSA_PSS_SHA_256")).text("signature");
        Signature v = Signature.getInstance("RSASSA-PSS");
        v.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        v.initVerify(pub);
        v.update("sign me".getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(Base64.getDecoder().decode(pss))).isTrue();
        String pkcs1 = post(id, "sign", body("data", DATA, "signingAlgorithm", "RSASSA_PKCS1_V1_5_SHA_512")).text("signature");
        Signature v2 = Signature.getInstance("SHA512withRSA");
        v2.initVerify(pub);
        v2.update("sign me".getBytes(StandardCharsets.UTF_8));
        assertThat(v2.verify(Base64.getDecoder().decode(pkcs1))).isTrue();
    }

    @Test
    void rotateWhenNewVersionThenOldCiphertextsAndSignaturesStillWork() {
        String enc = createKey("rot-enc", "encrypt-decrypt", "aes-256-gcm").get("id").asText();
        String old = post(enc, "encrypt", body("plaintext", DATA)).text("ciphertext");
        TestResponse rotated = post(enc, "rotate", body());
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().get("key").get("version").asInt()).isEqualTo(2);
        assertThat(post(enc, "decrypt", body("ciphertext", old)).text("plaintext")).isEqualTo(DATA);
        String fresh = post(enc, "encrypt", body("plaintext", DATA)).text("ciphertext");
        assertThat(Base64.getDecoder().decode(fresh)[4]).as("version 2 embedded").isEqualTo((byte) 2);

        String sig = createKey("rot-sig", "sign-verify", "ECC_NIST_P256").get("id").asText();
        String s1 = post(sig, "sign", body("data", DATA, "signingAlgorithm", "ECDSA_SHA_256")).text("signature");
        String pub1 = f.server.get("/api/v1/kms/keys/" + sig + "/public-key", f.admin).text("publicKey");
        post(sig, "rotate", body());
        assertThat(post(sig, "verify", body("data", DATA, "signature", s1, "signingAlgorithm", "ECDSA_SHA_256")).json()
                .get("signatureValid").asBoolean()).isTrue();
        assertThat(f.server.get("/api/v1/kms/keys/" + sig + "/public-key", f.admin).text("publicKey")).isNotEqualTo(pub1);
        assertThat(f.server.get("/api/v1/kms/keys/" + sig + "/public-key?version=1", f.admin).text("publicKey")).isEqualTo(pub1);
    }
}
