package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The flow of seed 001's diagram over HTTP: project, token, membership, policy, assertion, STS. */
class IamPatFlowTest {
    static TestServer server;
    static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.bootstrap();
        owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String createProject(String name) {
        TestResponse r = server.post("/iam/v1/projects", owner, Map.of("name", name, "description", "d"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("id");
    }

    static String projectToken(String userOrPatToken, String projectId) {
        TestResponse r = server.post("/iam/v1/sts/create-project-scoped-token", userOrPatToken, Map.of("projectId", projectId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("accessToken");
    }

    static String createToken(RSAKey key) {
        TestResponse r = server.post("/iam/v1/tokens", owner, Map.of("name", "ci", "authenticationMethod",
                Map.of("type", "PRIVATE_KEY", "signingAlgorithm", "RS256",
                        "publicKeyInfo", ClientAssertions.publicKeyInfo(key, "RS256"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("id");
    }

    static TestResponse exchange(String assertion, String clientId) {
        return server.form("/auth/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "openid",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "client_id", clientId));
    }

    @Test
    void patFlowWhenTokenAddedWithPolicyThenProjectScopedTokenAndWhoami() {
        String projectId = createProject("flow");
        assertThat(projectId).matches("P[0-9A-Za-z]{27}");
        RSAKey key = ClientAssertions.rsaKey("k1");
        String tokenId = createToken(key);
        String ownerProject = projectToken(owner, projectId);

        assertThat(server.post("/iam/v1/projects/principals", ownerProject,
                Map.of("principalId", tokenId, "principalType", "token")).status()).isEqualTo(204);
        String ari = "ari:iam::" + projectId + ":token/" + tokenId;
        Map<String, Object> policy = Map.of("version", "2022-12-15", "statement", List.of(Map.of(
                "principal", List.of(ari), "action", List.of("*"), "resource", List.of("*"), "effect", "Allow")));
        TestResponse put = server.put("/iam/v1/policies/principals/" + tokenId + "?principalType=token", ownerProject, policy);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("statement").get(0).get("principal").get(0).asText()).isEqualTo(ari);

        TestResponse token = exchange(ClientAssertions.assertion(key, "RS256", tokenId, server.tokenEndpoint()), tokenId);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.text("token_type")).isEqualTo("bearer");
        assertThat(token.header("Cache-Control")).isEqualTo("no-store");
        String patSession = token.text("access_token");

        String scoped = projectToken(patSession, projectId);
        JsonNode who = server.get("/iam/v1/sts/whoami", scoped).json();
        assertThat(who.get("principalId").asText()).isEqualTo(tokenId);
        assertThat(who.get("principalType").asText()).isEqualTo("token");
        assertThat(server.get("/iam/v1/projects/principals", scoped).status()).isEqualTo(200);

        JsonNode projects = server.get("/iam/v1/tokens/" + tokenId + "/projects", owner).json();
        assertThat(projects.get("projects").get(0).get("id").asText()).isEqualTo(projectId);
        assertThat(projects.get("projects").get(0).get("policy").get("statement").size()).isEqualTo(1);

        assertThat(server.delete("/iam/v1/tokens/" + tokenId, owner).status()).isEqualTo(204);
        assertThat(exchange(ClientAssertions.assertion(key, "RS256", tokenId, server.tokenEndpoint()), tokenId).status()).isEqualTo(401);
        assertThat(server.get("/iam/v1/sts/whoami", scoped).status()).as("sessions of a deleted token are revoked").isEqualTo(403);
        assertThat(server.get("/iam/v1/tokens/" + tokenId, owner).status()).isEqualTo(404);
    }

    @Test
    void tokenEndpointWhenAssertionReplayedOrForgedThenInvalidClient() {
        RSAKey key = ClientAssertions.rsaKey("k2");
        String tokenId = createToken(key);
        String assertion = ClientAssertions.assertion(key, "RS256", tokenId, server.tokenEndpoint());
        assertThat(exchange(assertion, tokenId).status()).isEqualTo(200);
        TestResponse replay = exchange(assertion, tokenId);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text("error")).isEqualTo("invalid_client");

        RSAKey other = ClientAssertions.rsaKey("k2");
        assertThat(exchange(ClientAssertions.assertion(other, "RS256", tokenId, server.tokenEndpoint()), tokenId).status()).isEqualTo(401);
        ECKey ec = ClientAssertions.ecKey("k2");
        assertThat(exchange(ClientAssertions.assertion(ec, "ES256", tokenId, server.tokenEndpoint()), tokenId).status())
                .as("an algorithm other than the token's").isEqualTo(401);
        assertThat(exchange(ClientAssertions.assertion(key, "RS256", tokenId, "https://elsewhere/token"), tokenId).status())
                .as("wrong audience").isEqualTo(401);
        assertThat(exchange(ClientAssertions.assertion(key, "RS256", tokenId, server.tokenEndpoint(),
                Instant.now().minusSeconds(900), 300, "old"), tokenId).status()).as("expired").isEqualTo(401);
        assertThat(exchange(ClientAssertions.assertion(key, "RS256", tokenId, server.tokenEndpoint(),
                Instant.now(), 3600, "long"), tokenId).status()).as("lifetime too long").isEqualTo(401);
        String tampered = assertion.substring(0, assertion.lastIndexOf('.') + 1) + "AAAA";
        assertThat(exchange(tampered, tokenId).status()).isEqualTo(401);
        TestResponse badGrant = server.form("/auth/oauth2/token", Map.of("grant_type", "password"));
        assertThat(badGrant.status()).isEqualTo(400);
        assertThat(badGrant.text("error")).isEqualTo("unsupported_grant_type");
    }

    @Test
    void stsWhenTokenNotInProjectThenPrincipalDoesNotBelongToProject() {
        String projectId = createProject("closed");
        RSAKey key = ClientAssertions.rsaKey("k3");
        String tokenId = createToken(key);
        String patSession = exchange(ClientAssertions.assertion(key, "RS256", tokenId, server.tokenEndpoint()), tokenId)
                .text("access_token");
        TestResponse r = server.post("/iam/v1/sts/create-project-scoped-token", patSession, Map.of("projectId", projectId));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text("name")).isEqualTo("PrincipalDoesNotBelongToProjectError");
        TestResponse unknown = server.post("/iam/v1/sts/create-project-scoped-token", patSession,
                Map.of("projectId", "P000000000000000000000000000"));
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.text("name")).isEqualTo("PrincipalDoesNotBelongToProjectError");
    }

    @Test
    void memberWithoutPolicyWhenActingThenForbiddenAndSelfRemovalConflict() {
        String projectId = createProject("policy");
        RSAKey key = ClientAssertions.rsaKey("k4");
        String tokenId = createToken(key);
        String ownerProject = projectToken(owner, projectId);
        server.post("/iam/v1/projects/principals", ownerProject, Map.of("principalId", tokenId, "principalType", "token"));
        String patSession = exchange(ClientAssertions.assertion(key, "RS256", tokenId, server.tokenEndpoint()), tokenId)
                .text("access_token");
        String scoped = projectToken(patSession, projectId);
        TestResponse denied = server.get("/iam/v1/projects/principals", scoped);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.text("name")).isEqualTo("ActionForbiddenError");
        assertThat(denied.body()).contains("iam:ListPrincipals");

        TestResponse self = server.delete("/iam/v1/projects/principals/" + tokenId + "?principalType=token", scoped);
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.text("name")).isEqualTo("PrincipalCannotBeDeletedError");

        assertThat(server.delete("/iam/v1/projects/principals/" + tokenId + "?principalType=token", ownerProject).status())
                .isEqualTo(204);
        assertThat(server.post("/iam/v1/sts/create-project-scoped-token", patSession, Map.of("projectId", projectId)).status())
                .isEqualTo(403);
    }

    @Test
    void policyPutWhenConditionValueIsOneStringThenStoredAsListAndEvaluated() {
        String projectId = createProject("conditions");
        String tokenId = createToken(ClientAssertions.rsaKey("k-cond"));
        String ownerProject = projectToken(owner, projectId);
        server.post("/iam/v1/projects/principals", ownerProject, Map.of("principalId", tokenId, "principalType", "token"));
        String ari = "ari:iam::" + projectId + ":token/" + tokenId;
        String path = "/iam/v1/policies/principals/" + tokenId + "?principalType=token";
        TestResponse put = server.raw("PUT", path, ownerProject, "application/json", """
                {"version": "2022-12-15", "statement": [{"principal": ["%s"], "action": ["secrets:Read"], "resource": ["*"],
                 "effect": "Allow", "condition": {"IpAddress": {"lk:SourceIp": "10.0.0.0/8"},
                                                  "DateLessThan": {"lk:CurrentTime": ["2027-01-01T00:00:00Z"]}}}]}""".formatted(ari));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode condition = put.json().get("statement").get(0).get("condition");
        assertThat(condition.get("IpAddress").get("lk:SourceIp").isArray()).as("returned as a list").isTrue();
        assertThat(condition.get("IpAddress").get("lk:SourceIp").get(0).asText()).isEqualTo("10.0.0.0/8");
        assertThat(server.get(path, ownerProject).json().get("statement").get(0).get("condition").get("IpAddress")
                .get("lk:SourceIp").get(0).asText()).isEqualTo("10.0.0.0/8");

        Map<String, Object> inside = Map.of("principal", ari, "action", "secrets:Read", "resource", "r",
                "context", Map.of("sourceIp", "10.1.2.3", "time", "2026-06-01T00:00:00Z"));
        Map<String, Object> outside = Map.of("principal", ari, "action", "secrets:Read", "resource", "r",
                "context", Map.of("sourceIp", "192.168.1.1", "time", "2026-06-01T00:00:00Z"));
        assertThat(server.post("/iam/v1/authz/check", owner, inside).text("decision")).isEqualTo("Allow");
        assertThat(server.post("/iam/v1/authz/check", owner, outside).text("decision")).isEqualTo("Deny");

        TestResponse bad = server.raw("PUT", path, ownerProject, "application/json", """
                {"version": "2022-12-15", "statement": [{"principal": ["%s"], "action": ["*"], "resource": ["*"],
                 "effect": "Allow", "condition": {"IpAddress": {"lk:SourceIp": 5}}}]}""".formatted(ari));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("statement[0].condition");
    }

    @Test
    void authzCheckWhenPoliciesOutgrowTheCompiledPolicyCacheThenDecisionsStayRight() {
        // Two principals of 6,000 statements each: together past the cache's 10,000-statement bound, so every
        // switch between them starts the cache over and recompiles; the decisions must not change.
        String projectId = createProject("big-policies");
        String ownerProject = projectToken(owner, projectId);
        List<String> aris = new java.util.ArrayList<>();
        for (int t = 0; t < 2; t++) {
            String tokenId = createToken(ClientAssertions.rsaKey("k-big-" + t));
            server.post("/iam/v1/projects/principals", ownerProject, Map.of("principalId", tokenId, "principalType", "token"));
            String ari = "ari:iam::" + projectId + ":token/" + tokenId;
            List<Map<String, Object>> statements = new java.util.ArrayList<>();
            for (int i = 0; i < 5_999; i++) {
                statements.add(Map.of("principal", List.of(ari), "action", List.of("kms:Verb" + i), "resource", List.of("r" + i),
                        "effect", "Allow"));
            }
            statements.add(Map.of("principal", List.of(ari), "action", List.of("secrets:Read"), "resource", List.of("only-" + t),
                    "effect", "Allow"));
            TestResponse put = server.put("/iam/v1/policies/principals/" + tokenId + "?principalType=token", ownerProject,
                    Map.of("version", "2022-12-15", "statement", statements));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            aris.add(ari);
        }
        for (int round = 0; round < 3; round++) {
            for (int t = 0; t < 2; t++) {
                TestResponse own = server.post("/iam/v1/authz/check", owner, Map.of("principal", aris.get(t),
                        "action", "secrets:Read", "resource", "only-" + t));
                assertThat(own.text("decision")).as(own.body()).isEqualTo("Allow");
                assertThat(own.json().get("decidingStatement").get("index").asInt()).isEqualTo(5_999);
                TestResponse other = server.post("/iam/v1/authz/check", owner, Map.of("principal", aris.get(t),
                        "action", "secrets:Read", "resource", "only-" + (1 - t)));
                assertThat(other.text("outcome")).as(other.body()).isEqualTo("NO_MATCH");
            }
        }
    }

    @Test
    void authzCheckWhenPolicyDeniesThenDecisionNamesStatement() {
        String projectId = createProject("authz");
        RSAKey key = ClientAssertions.rsaKey("k5");
        String tokenId = createToken(key);
        String ownerProject = projectToken(owner, projectId);
        server.post("/iam/v1/projects/principals", ownerProject, Map.of("principalId", tokenId, "principalType", "token"));
        String ari = "ari:iam::" + projectId + ":token/" + tokenId;
        server.put("/iam/v1/policies/principals/" + tokenId + "?principalType=token", ownerProject, Map.of(
                "version", "2022-12-15", "statement", List.of(
                        Map.of("principal", List.of(ari), "action", List.of("secrets:*"), "resource", List.of("*"), "effect", "Allow"),
                        Map.of("principal", List.of(ari), "action", List.of("secrets:Delete"), "resource", List.of("*"), "effect", "Deny"))));

        TestResponse allow = server.post("/iam/v1/authz/check", owner, Map.of("principal", ari, "action", "secrets:Read",
                "resource", "ari:secrets::" + projectId + ":secret/prod/db/PASSWORD"));
        assertThat(allow.status()).as(allow.body()).isEqualTo(200);
        assertThat(allow.text("decision")).isEqualTo("Allow");
        assertThat(allow.json().get("decidingStatement").get("index").asInt()).isEqualTo(0);
        assertThat(allow.text("decisionId")).isNotBlank();

        TestResponse deny = server.post("/iam/v1/authz/check", owner, Map.of("principal", ari, "action", "secrets:Delete",
                "resource", "ari:secrets::" + projectId + ":secret/prod/x"));
        assertThat(deny.text("decision")).isEqualTo("Deny");
        assertThat(deny.text("outcome")).isEqualTo("EXPLICIT_DENY");
        assertThat(deny.json().get("decidingStatement").get("index").asInt()).isEqualTo(1);

        TestResponse none = server.post("/iam/v1/authz/check", owner, Map.of("principal", ari, "action", "kms:Encrypt", "resource", "*"));
        assertThat(none.text("outcome")).isEqualTo("NO_MATCH");
        assertThat(none.json().path("decidingStatement").isMissingNode() || none.json().get("decidingStatement").isNull()).isTrue();

        TestResponse batch = server.post("/iam/v1/authz/check-batch", owner, Map.of("requests", List.of(
                Map.of("principal", ari, "action", "secrets:Read", "resource", "r"),
                Map.of("principal", ari, "action", "secrets:Delete", "resource", "r"))));
        assertThat(batch.json().get("results").get(0).get("decision").asText()).isEqualTo("Allow");
        assertThat(batch.json().get("results").get(1).get("decision").asText()).isEqualTo("Deny");
    }

    @Test
    void projectsWhenPagedThenEachOnceAndForeignProjectHidden() {
        for (int i = 0; i < 3; i++) {
            createProject("page-" + i);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        do {
            TestResponse page = server.get("/iam/v1/projects?limit=1" + (cursor == null ? "" : "&exclusiveStartKey=" + cursor), owner);
            assertThat(page.json().get("projects").size()).isEqualTo(1);
            assertThat(seen.add(page.json().get("projects").get(0).get("id").asText())).isTrue();
            cursor = page.text("lastEvaluatedKey");
        } while (cursor != null);
        assertThat(seen.size()).isGreaterThanOrEqualTo(3);

        String projectId = createProject("private");
        server.post("/iam/v1/users", owner, Map.of("email", "outsider@example.com", "password", "outsider password"));
        String outsider = server.login("outsider@example.com", "outsider password");
        assertThat(server.get("/iam/v1/projects/" + projectId, outsider).status()).isEqualTo(404);
        assertThat(server.get("/iam/v1/projects/P000000000000000000000000000", outsider).status()).isEqualTo(404);
        assertThat(server.patch("/iam/v1/projects/" + projectId, outsider, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(server.delete("/iam/v1/projects/" + projectId, outsider).status()).isEqualTo(404);
    }

    @Test
    void tokenCreateWhenKeyMaterialBadThen400NamingField() {
        RSAKey key = ClientAssertions.rsaKey("k6");
        Map<String, Object> priv = Map.of("jwks", Map.of("keys", List.of(key.toJSONObject())));
        TestResponse r = server.post("/iam/v1/tokens", owner, Map.of("name", "bad", "authenticationMethod",
                Map.of("type", "PRIVATE_KEY", "signingAlgorithm", "RS256", "publicKeyInfo", priv)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("details").get(0).get("field").asText()).isEqualTo("authenticationMethod.publicKeyInfo.jwks.keys[0]");
        TestResponse ecForRsa = server.post("/iam/v1/tokens", owner, Map.of("name", "bad", "authenticationMethod",
                Map.of("type", "PRIVATE_KEY", "signingAlgorithm", "RS256",
                        "publicKeyInfo", ClientAssertions.publicKeyInfo(ClientAssertions.ecKey("e"), "ES256"))));
        assertThat(ecForRsa.status()).isEqualTo(400);
        TestResponse pem = server.post("/iam/v1/tokens", owner, Map.of("name", "bad", "authenticationMethod",
                Map.of("type", "PRIVATE_KEY", "signingAlgorithm", "RS256", "publicKeyInfo", Map.of("pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END"))));
        assertThat(pem.status()).isEqualTo(400);
        TestResponse alg = server.post("/iam/v1/tokens", owner, Map.of("name", "bad", "authenticationMethod",
                Map.of("type", "PRIVATE_KEY", "signingAlgorithm", "HS256", "publicKeyInfo", ClientAssertions.publicKeyInfo(key, "RS256"))));
        assertThat(alg.status()).isEqualTo(400);
        assertThat(alg.body()).contains("signingAlgorithm");
    }
}
