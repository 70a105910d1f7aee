package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.latchkey.core.crypto.RootKey;
import io.latchkey.testkit.Backend;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.ManagedProjects;
import io.latchkey.testkit.ManagedProjects.ManagedProject;
import io.latchkey.testkit.TestDatabase;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hardening suite 5 (issue 9). Two server nodes on one PostgreSQL database and nothing else shared: tokens
 * of every kind minted on one work on the other; revocations, deactivations, policy changes and key
 * rotations made on one take effect on the other within a second (each measured and printed); one client
 * assertion is accepted once across both nodes, even when sent to both at the same moment. (Runs in the
 * PostgreSQL pass of the suite: H2 is a single-process database.)
 */
@EnabledIfSystemProperty(named = "latchkey.test.backend", matches = "postgres")
class TwoNodesTest {
    static final String PUBLIC_URL = "http://latchkey.cluster.test";
    static TestDatabase db;
    static TestServer a;
    static TestServer b;
    static String owner;
    static SecretsApi identities;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(Backend.POSTGRES);
        String key = RootKey.generate().toBase64();
        a = TestServer.node(db, key, Map.of("public-url", PUBLIC_URL));
        b = TestServer.node(db, key, Map.of("public-url", PUBLIC_URL));
        identities = new SecretsApi(a); // bootstraps through node A
        owner = a.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        db.drop();
    }

    /** Creates, through node A, a personal access token whose key is {@code key}'s RS256 public half. */
    static String createPat(String name, RSAKey key) {
        return a.post("/iam/v1/tokens", owner, Map.of("name", name, "authenticationMethod", Map.of("type", "PRIVATE_KEY",
                "signingAlgorithm", "RS256", "publicKeyInfo", ClientAssertions.publicKeyInfo(key, "RS256")))).text("id");
    }

    /** A token-endpoint form with a fresh client assertion signed by {@code key}. */
    static Map<String, String> assertionForm(String tokenId, RSAKey key) {
        return Map.of("grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", ClientAssertions.assertion(key, "RS256", tokenId, PUBLIC_URL + "/auth/oauth2/token"),
                "client_id", tokenId);
    }

    /** Polls until the condition holds, prints how long that took and asserts it was under {@code boundMs}. */
    static void propagates(String what, long boundMs, BooleanSupplier condition) throws InterruptedException {
        long ms = within(condition);
        System.out.println(what + " in " + ms + " ms");
        assertThat(ms).as(what).isLessThan(boundMs);
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
        propagates("revocation propagated to the other node", 1000,
                () -> b.get("/iam/v1/users", token).status() == 403);
    }

    @Test
    void clientAssertionWhenReplayedOnTheOtherNodeThenRefused() {
        RSAKey key = ClientAssertions.rsaKey("n");
        String tokenId = createPat("n", key);
        Map<String, String> form = assertionForm(tokenId, key);
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
        String tokenId = createPat("p", key);
        a.post("/iam/v1/projects/principals", ownerProject, Map.of("principalId", tokenId, "principalType", "token"));
        String ari = "ari:iam::" + projectId + ":token/" + tokenId;
        Map<String, Object> check = Map.of("principal", ari, "action", "secrets:Read", "resource", "*");
        assertThat(b.post("/iam/v1/authz/check", owner, check).text("decision")).isEqualTo("Deny");
        a.put("/iam/v1/policies/principals/" + tokenId + "?principalType=token", ownerProject, Map.of("version", "2022-12-15",
                "statement", List.of(Map.of("principal", List.of(ari), "action", List.of("secrets:*"), "resource", List.of("*"),
                        "effect", "Allow"))));
        propagates("policy change propagated to the other node", 1500,
                () -> "Allow".equals(b.post("/iam/v1/authz/check", owner, check).text("decision")));
    }

    @Test
    void memberRemovedOnOneNodeWhenAskingTheOtherForAProjectTokenThenRefusedWithinASecond() throws Exception {
        String projectId = a.post("/iam/v1/projects", owner, Map.of("name", "two-nodes-members")).text("id");
        String ownerProject = a.post("/iam/v1/sts/create-project-scoped-token", owner, Map.of("projectId", projectId)).text("accessToken");
        RSAKey key = ClientAssertions.rsaKey("m");
        String tokenId = createPat("m", key);
        a.post("/iam/v1/projects/principals", ownerProject, Map.of("principalId", tokenId, "principalType", "token"));
        String session = b.form("/auth/oauth2/token", assertionForm(tokenId, key)).text("access_token");
        Map<String, String> ask = Map.of("projectId", projectId);
        assertThat(b.post("/iam/v1/sts/create-project-scoped-token", session, ask).status()).as("member: B remembers it").isEqualTo(200);
        assertThat(a.delete("/iam/v1/projects/principals/" + tokenId + "?principalType=token", ownerProject).status()).isEqualTo(204);
        assertThat(a.post("/iam/v1/sts/create-project-scoped-token", session, ask).status()).as("refused at once on A").isEqualTo(403);
        propagates("member removal reached the other node's token service", 1500,
                () -> b.post("/iam/v1/sts/create-project-scoped-token", session, ask).status() == 403);
    }

    @Test
    void personalAccessTokenReKeyedOrDeletedOnOneNodeWhenUsedOnTheOtherThenAtOnce() {
        RSAKey old = ClientAssertions.rsaKey("old");
        String tokenId = createPat("rekeyed", old);
        Function<RSAKey, Integer> exchangeOnB = key -> b.form("/auth/oauth2/token", assertionForm(tokenId, key)).status();
        assertThat(exchangeOnB.apply(old)).as("B reads and remembers the token").isEqualTo(200);
        RSAKey replacement = ClientAssertions.rsaKey("new");
        assertThat(a.patch("/iam/v1/tokens/" + tokenId, owner, Map.of("authenticationMethod", Map.of("type", "PRIVATE_KEY",
                "signingAlgorithm", "RS256", "publicKeyInfo", ClientAssertions.publicKeyInfo(replacement, "RS256")))).status())
                .isEqualTo(200);
        assertThat(exchangeOnB.apply(old)).as("the old key, re-keyed on A: refused on B at once").isEqualTo(401);
        assertThat(exchangeOnB.apply(replacement)).as("the new key works on B at once").isEqualTo(200);
        assertThat(a.delete("/iam/v1/tokens/" + tokenId, owner).status()).isIn(200, 204);
        assertThat(exchangeOnB.apply(replacement)).as("deleted on A: refused on B at once").isEqualTo(401);
    }

    @Test
    void clientSecretRevokedOnOneNodeWhenLoggingInOnTheOtherThenRefusedAtOnce() throws Exception {
        String id = identities.createIdentity(identities.adminToken, "revoked-on-a", "no-access");
        String clientId = identities.attachUniversalAuth(identities.adminToken, id, Map.of("lockoutEnabled", false));
        String[] secret = identities.createClientSecret(identities.adminToken, id, Map.of());
        Map<String, String> login = Map.of("clientId", clientId, "clientSecret", secret[0]);
        String path = "/api/v1/auth/universal-auth/login";
        assertThat(b.post(path, null, login).status()).as("B reads and remembers the secret").isEqualTo(200);
        assertThat(b.post(path, null, login).status()).isEqualTo(200);
        assertThat(a.post(SecretsApi.uaPath(id) + "/client-secrets/" + secret[1] + "/revoke", identities.adminToken, Map.of())
                .status()).isEqualTo(200);
        assertThat(b.post(path, null, login).status()).as("the use count refuses it, not a cache").isEqualTo(401);
        JsonNode refused = a.get("/iam/v1/audit?limit=5&action=identity.login&outcome=failure", owner).json().get("events").get(0);
        assertThat(refused.get("reason").asText()).isEqualTo("token_revoked");

        String[] second = identities.createClientSecret(identities.adminToken, id, Map.of());
        Map<String, String> again = Map.of("clientId", clientId, "clientSecret", second[0]);
        assertThat(b.post(path, null, again).status()).isEqualTo(200);
        assertThat(a.delete(SecretsApi.uaPath(id), identities.adminToken).status()).isEqualTo(200);
        assertThat(b.post(path, null, again).status()).as("detached on A: refused on B at once").isEqualTo(401);
    }

    @Test
    void trustedAddressesChangedOnOneNodeWhenLoggingInOnTheOtherThenEnforcedWithinASecond() throws Exception {
        String id = identities.createIdentity(identities.adminToken, "fenced-on-a", "no-access");
        String clientId = identities.attachUniversalAuth(identities.adminToken, id, Map.of("lockoutEnabled", false));
        String[] secret = identities.createClientSecret(identities.adminToken, id, Map.of());
        Map<String, String> login = Map.of("clientId", clientId, "clientSecret", secret[0]);
        String path = "/api/v1/auth/universal-auth/login";
        assertThat(b.post(path, null, login).status()).isEqualTo(200);
        assertThat(a.patch(SecretsApi.uaPath(id), identities.adminToken,
                Map.of("clientSecretTrustedIps", SecretsApi.ips("203.0.113.0/24"))).status()).isEqualTo(200);
        assertThat(a.post(path, null, login).status()).as("enforced at once on A").isEqualTo(401);
        propagates("trusted-address change reached the other node's logins", 1500, () -> b.post(path, null, login).status() == 401);
    }

    @Test
    void keyRotationOnOneNodeWhenTokensSignedThereThenVerifiedOnTheOther() throws Exception {
        String admin = a.bootstrapOrAdminToken();
        assertThat(a.post("/iam/v1/admin/keys/rotate", admin, Map.of("algorithm", "ES256")).status()).isEqualTo(200);
        String token = a.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        assertThat(b.get("/iam/v1/users", token).status()).as("the new key was pre-published").isEqualTo(200);
        String kidOnA = a.get("/iam/.well-known/jwks.json", null).json().get("keys").get(0).get("kid").asText();
        propagates("key rotation reached the other node's JWKS", 1500,
                () -> kidOnA.equals(b.get("/iam/.well-known/jwks.json", null).json().get("keys").get(0).get("kid").asText()));
    }

    @Test
    void tokensOfEveryKindWhenMintedOnOneNodeThenAcceptedOnTheOther() throws Exception {
        String user = a.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        assertThat(b.get("/iam/v1/users", user).status()).as("user token").isEqualTo(200);

        String projectId = a.post("/iam/v1/projects", owner, Map.of("name", "minted")).text("id");
        String scoped = a.post("/iam/v1/sts/create-project-scoped-token", owner, Map.of("projectId", projectId)).text("accessToken");
        assertThat(b.get("/iam/v1/projects/principals", scoped).status()).as("project-scoped token").isEqualTo(200);

        RSAKey key = ClientAssertions.rsaKey("m");
        String tokenId = createPat("m", key);
        TestResponse session = a.form("/auth/oauth2/token", assertionForm(tokenId, key));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        assertThat(b.get("/iam/v1/sts/whoami", session.text("access_token")).status()).as("PAT session").isEqualTo(200);

        String[] identity = identities.loggedInIdentity("minted-on-a", "member", Map.of());
        assertThat(b.get("/api/v1/workspace", identity[3]).status()).as("identity token").isEqualTo(200);

        ManagedProject managed = ManagedProjects.create(a, owner, "minted keys");
        assertThat(b.post("/v1/mgmt/accesskey/search", managed.bearer(), Map.of()).status()).as("management key").isEqualTo(200);
        String accessKey = a.post("/v1/mgmt/accesskey/create", managed.bearer(), Map.of("name", "k", "expireTime", 0)).text("cleartext");
        TestResponse exchanged = a.post("/v1/auth/accesskey/exchange", managed.id() + ":" + accessKey, Map.of());
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        String jwt = exchanged.text("sessionJwt");
        String kid = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.')))).get("kid").asText();
        assertThat(b.get("/v2/keys/" + managed.id(), null).body()).as("the session's key is published by node B").contains(kid);
    }

    @Test
    void deactivationOnOneNodeWhenUsedOnTheOtherThenRefusedWithinASecond() throws Exception {
        ManagedProject managed = ManagedProjects.create(a, owner, "deactivated");
        TestResponse created = a.post("/v1/mgmt/accesskey/create", managed.bearer(), Map.of("name", "k", "expireTime", 0));
        String keyId = created.text("key.id");
        String accessBearer = managed.id() + ":" + created.text("cleartext");
        assertThat(b.post("/v1/auth/accesskey/exchange", accessBearer, Map.of()).status()).isEqualTo(200);
        assertThat(a.post("/v1/mgmt/accesskey/deactivate", managed.bearer(), Map.of("id", keyId)).status()).isEqualTo(200);
        long accessKeyMs = within(() -> b.post("/v1/auth/accesskey/exchange", accessBearer, Map.of()).status() == 401);

        String nativeKeys = "/iam/v1/projects/" + managed.id() + "/management-keys";
        TestResponse second = a.post(nativeKeys, owner, Map.of("name", "second"));
        String secondBearer = managed.id() + ":" + second.text("cleartext");
        assertThat(b.post("/v1/mgmt/accesskey/search", secondBearer, Map.of()).status()).isEqualTo(200);
        assertThat(a.post(nativeKeys + "/" + second.text("key.id") + "/deactivate", owner, Map.of()).status()).isIn(200, 204);
        long managementKeyMs = within(() -> b.post("/v1/mgmt/accesskey/search", secondBearer, Map.of()).status() == 401);

        String[] identity = identities.loggedInIdentity("deleted-on-a", "member", Map.of());
        assertThat(b.get("/api/v1/workspace", identity[3]).status()).isEqualTo(200);
        assertThat(a.delete("/api/v1/identities/" + identity[0], identities.adminToken).status()).isEqualTo(200);
        long identityMs = within(() -> b.get("/api/v1/workspace", identity[3]).status() == 401);

        System.out.println("deactivation propagated to the other node: access key " + accessKeyMs + " ms, management key "
                + managementKeyMs + " ms, deleted machine identity " + identityMs + " ms");
        assertThat(accessKeyMs).isLessThan(1000);
        assertThat(managementKeyMs).isLessThan(1000);
        assertThat(identityMs).isLessThan(1000);
    }

    @Test
    void clientAssertionWhenSentToBothNodesAtOnceThenAcceptedExactlyOnce() throws Exception {
        RSAKey key = ClientAssertions.rsaKey("race");
        String tokenId = createPat("race", key);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                Map<String, String> form = assertionForm(tokenId, key);
                CountDownLatch go = new CountDownLatch(1);
                Future<Integer> onA = pool.submit(() -> {
                    go.await();
                    return a.form("/auth/oauth2/token", form).status();
                });
                Future<Integer> onB = pool.submit(() -> {
                    go.await();
                    return b.form("/auth/oauth2/token", form).status();
                });
                go.countDown();
                assertThat(List.of(onA.get(30, TimeUnit.SECONDS), onB.get(30, TimeUnit.SECONDS)))
                        .as("round %d", round).containsExactlyInAnyOrder(200, 401);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
