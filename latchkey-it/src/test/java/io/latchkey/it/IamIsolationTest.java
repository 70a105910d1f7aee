package io.latchkey.it;

import com.nimbusds.jose.jwk.RSAKey;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every IAM endpoint called with the credentials of another project (user token, PAT session,
 * project-scoped tokens of a user and of a PAT) against the first project's resources: nothing is read or
 * changed, and a foreign id answers exactly like one that does not exist.
 */
class IamIsolationTest {
    static TestServer s;
    static String ownerA;
    static String projectA;
    static String tokenA;
    static Map<String, String> foreign = new LinkedHashMap<>();
    static final String MISSING_PROJECT = "P" + "0".repeat(27);
    static final String MISSING_TOKEN = "00000000-0000-4000-8000-000000000000";

    @BeforeAll
    static void setUp() {
        s = TestServer.start();
        s.bootstrap();
        ownerA = s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        projectA = s.post("/iam/v1/projects", ownerA, Map.of("name", "victim")).text("id");
        RSAKey keyA = ClientAssertions.rsaKey("a");
        tokenA = createToken(ownerA, keyA);
        String ownerAProject = s.post("/iam/v1/sts/create-project-scoped-token", ownerA, Map.of("projectId", projectA)).text("accessToken");
        s.post("/iam/v1/projects/principals", ownerAProject, Map.of("principalId", tokenA, "principalType", "token"));

        s.post("/iam/v1/users", ownerA, Map.of("email", "mallory@example.com", "password", "mallory password"));
        String userB = s.login("mallory@example.com", "mallory password");
        String projectB = s.post("/iam/v1/projects", userB, Map.of("name", "attacker")).text("id");
        RSAKey keyB = ClientAssertions.rsaKey("b");
        String tokenB = createToken(userB, keyB);
        String userBProject = s.post("/iam/v1/sts/create-project-scoped-token", userB, Map.of("projectId", projectB)).text("accessToken");
        s.post("/iam/v1/projects/principals", userBProject, Map.of("principalId", tokenB, "principalType", "token"));
        s.put("/iam/v1/policies/principals/" + tokenB + "?principalType=token", userBProject, Map.of("version", "2022-12-15",
                "statement", List.of(Map.of("principal", List.of("*"), "action", List.of("*"), "resource", List.of("*"), "effect", "Allow"))));
        String patB = s.form("/auth/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", ClientAssertions.assertion(keyB, "RS256", tokenB, s.tokenEndpoint()), "client_id", tokenB))
                .text("access_token");
        foreign.put("user token", userB);
        foreign.put("PAT session", patB);
        foreign.put("user project token", userBProject);
        foreign.put("PAT project token", s.post("/iam/v1/sts/create-project-scoped-token", patB, Map.of("projectId", projectB)).text("accessToken"));
    }

    @AfterAll
    static void tearDown() {
        s.close();
    }

    static String createToken(String user, RSAKey key) {
        return s.post("/iam/v1/tokens", user, Map.of("name", "t", "authenticationMethod", Map.of("type", "PRIVATE_KEY",
                "signingAlgorithm", "RS256", "publicKeyInfo", ClientAssertions.publicKeyInfo(key, "RS256")))).text("id");
    }

    record Call(String method, String path, Object body) {
    }

    static List<Call> callsOn(String project, String token) {
        Map<String, Object> policy = Map.of("version", "2022-12-15", "statement", List.of());
        return List.of(
                new Call("GET", "/iam/v1/projects/" + project, null),
                new Call("PATCH", "/iam/v1/projects/" + project, Map.of("name", "pwned")),
                new Call("DELETE", "/iam/v1/projects/" + project, null),
                new Call("POST", "/iam/v1/sts/create-project-scoped-token", Map.of("projectId", project)),
                new Call("GET", "/iam/v1/tokens/" + token, null),
                new Call("PATCH", "/iam/v1/tokens/" + token, Map.of("name", "pwned")),
                new Call("DELETE", "/iam/v1/tokens/" + token, null),
                new Call("GET", "/iam/v1/tokens/" + token + "/projects", null),
                new Call("POST", "/iam/v1/authz/check", Map.of("principal", "ari:iam::" + project + ":token/" + token,
                        "action", "x:Y", "resource", "*")));
    }

    private static TestResponse call(Call c, String credential) {
        return switch (c.method()) {
            case "GET" -> s.get(c.path(), credential);
            case "DELETE" -> s.delete(c.path(), credential);
            case "PATCH" -> s.patch(c.path(), credential, c.body());
            default -> s.post(c.path(), credential, c.body());
        };
    }

    @Test
    void foreignCredentialsWhenCallingEveryEndpointThenNothingLeaksOrChanges() {
        List<Call> real = callsOn(projectA, tokenA);
        List<Call> missing = callsOn(MISSING_PROJECT, MISSING_TOKEN);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> cred : foreign.entrySet()) {
            for (int i = 0; i < real.size(); i++) {
                TestResponse a = call(real.get(i), cred.getValue());
                TestResponse b = call(missing.get(i), cred.getValue());
                String label = cred.getKey() + " " + real.get(i).method() + " " + real.get(i).path();
                if (a.status() < 400) {
                    failures.add(label + " succeeded: " + a);
                }
                if (a.status() != b.status() || !String.valueOf(a.json().get("name")).equals(String.valueOf(b.json().get("name")))) {
                    failures.add(label + " differs from a missing id: " + a.status() + " vs " + b.status());
                }
            }
        }
        assertThat(failures).isEmpty();
        TestResponse p = s.get("/iam/v1/projects/" + projectA, ownerA);
        assertThat(p.text("name")).isEqualTo("victim");
        assertThat(s.get("/iam/v1/tokens/" + tokenA, ownerA).status()).isEqualTo(200);
    }

    @Test
    void projectScopedEndpointsWhenForeignTokenThenOnlyItsOwnProjectIsTouched() {
        String pt = foreign.get("PAT project token");
        assertThat(s.delete("/iam/v1/projects/principals/" + tokenA + "?principalType=token", pt).status()).isEqualTo(404);
        assertThat(s.get("/iam/v1/policies/principals/" + tokenA + "?principalType=token", pt).status()).isEqualTo(404);
        assertThat(s.put("/iam/v1/policies/principals/" + tokenA + "?principalType=token", pt,
                Map.of("version", "2022-12-15", "statement", List.of())).status()).isEqualTo(404);
        TestResponse list = s.get("/iam/v1/projects/principals", pt);
        assertThat(list.body()).doesNotContain(tokenA);
        String ownerAProject = s.post("/iam/v1/sts/create-project-scoped-token", ownerA, Map.of("projectId", projectA)).text("accessToken");
        assertThat(s.get("/iam/v1/projects/principals", ownerAProject).body()).contains(tokenA);
    }
}
