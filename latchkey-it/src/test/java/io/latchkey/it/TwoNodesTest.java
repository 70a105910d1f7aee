package io.latchkey.it;

import com.nimbusds.jose.jwk.RSAKey;
import io.latchkey.core.crypto.RootKey;
import io.latchkey.testkit.Backend;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.TestDatabase;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes on one PostgreSQL database and nothing else shared: tokens minted on one work on the
 * other, and revocations, policy changes and key rotations made on one take effect on the other within a
 * second. (Runs in the PostgreSQL pass of the suite: H2 is a single-process database.)
 */
@EnabledIfSystemProperty(named = "latchkey.test.backend", matches = "postgres")
class TwoNodesTest {
    static final String PUBLIC_URL = "http://latchkey.cluster.test";
    static TestDatabase db;
    static TestServer a;
    static TestServer b;
    static String owner;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(Backend.POSTGRES);
        String key = RootKey.generate().toBase64();
        a = TestServer.node(db, key, Map.of("public-url", PUBLIC_URL));
        b = TestServer.node(db, key, Map.of("public-url", PUBLIC_URL));
        a.bootstrap();
        owner = a.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        db.drop();
    }

    /** Polls until the condition holds; returns the milliseconds it took, or fails after 5 s. */
    static long within(BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > 5_000_000_000L) {
                throw new AssertionError("did not propagate within 5 s");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void tokenMintedOnOneNodeWhenRevokedThereThenRefusedOnTheOtherWithinASecond() throws Exception {
        String token = a.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        assertThat(b.get("/iam/v1/users", token).status()).isEqualTo(200);
        assertThat(a.post("/iam/v1/logout", token, Map.of()).status()).isEqualTo(204);
        long ms = within(() -> b.get("/iam/v1/users", token).status() == 403);
        System.out.println("revocation propagated to the other node in " + ms + " ms");
        assertThat(ms).isLessThan(1000);
    }

    @Test
    void clientAssertionWhenReplayedOnTheOtherNodeThenRefused() {
        RSAKey key = ClientAssertions.rsaKey("n");
        String tokenId = a.post("/iam/v1/tokens", owner, Map.of("name", "n", "authenticationMethod", Map.of("type", "PRIVATE_KEY",
                "signingAlgorithm", "RS256", "publicKeyInfo", ClientAssertions.publicKeyInfo(key, "RS256")))).text("id");
        String assertion = ClientAssertions.assertion(key, "RS256", tokenId, PUBLIC_URL + "/auth/oauth2/token");
        Map<String, String> form = Map.of("grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "client_id", tokenId);
        assertThat(a.form("/auth/oauth2/token", form).status()).isEqualTo(200);
        TestResponse replay = b.form("/auth/oauth2/token", form);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text("error")).isEqualTo("invalid_client");
    }

    @Test
    void policyChangeOnOneNodeWhenCheckedOnTheOtherThenEffectiveWithinASecond() throws Exception {
        String projectId = a.post("/iam/v1/projects", owner, Map.of("name", "two-nodes")).text("id");
        String ownerProject = a.post("/iam/v1/sts/create-project-scoped-token", owner, Map.of("projectId", projectId)).text("accessToken");
        RSAKey key = ClientAssertions.rsaKey("p");
        String tokenId = a.post("/iam/v1/tokens", owner, Map.of("name", "p", "authenticationMethod", Map.of("type", "PRIVATE_KEY",
                "signingAlgorithm", "RS256", "publicKeyInfo", ClientAssertions.publicKeyInfo(key, "RS256")))).text("id");
        a.post("/iam/v1/projects/principals", ownerProject, Map.of("principalId", tokenId, "principalType", "token"));
        String ari = "ari:iam::" + projectId + ":token/" + tokenId;
        Map<String, Object> check = Map.of("principal", ari, "action", "secrets:Read", "resource", "*");
        assertThat(b.post("/iam/v1/authz/check", owner, check).text("decision")).isEqualTo("Deny");
        a.put("/iam/v1/policies/principals/" + tokenId + "?principalType=token", ownerProject, Map.of("version", "2022-12-15",
                "statement", List.of(Map.of("principal", List.of(ari), "action", List.of("secrets:*"), "resource", List.of("*"),
                        "effect", "Allow"))));
        long ms = within(() -> "Allow".equals(b.post("/iam/v1/authz/check", owner, check).text("decision")));
        System.out.println("policy change propagated to the other node in " + ms + " ms");
        assertThat(ms).isLessThan(1500);
    }

    @Test
    void keyRotationOnOneNodeWhenTokensSignedThereThenVerifiedOnTheOther() throws Exception {
        String admin = a.bootstrapOrAdminToken();
        assertThat(a.post("/iam/v1/admin/keys/rotate", admin, Map.of("algorithm", "ES256")).status()).isEqualTo(200);
        String token = a.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        assertThat(b.get("/iam/v1/users", token).status()).as("the new key was pre-published").isEqualTo(200);
        String kidOnA = a.get("/iam/.well-known/jwks.json", null).json().get("keys").get(0).get("kid").asText();
        long ms = within(() -> kidOnA.equals(b.get("/iam/.well-known/jwks.json", null).json().get("keys").get(0).get("kid").asText()));
        System.out.println("key rotation reached the other node's JWKS in " + ms + " ms");
        assertThat(ms).isLessThan(1500);
    }
}
