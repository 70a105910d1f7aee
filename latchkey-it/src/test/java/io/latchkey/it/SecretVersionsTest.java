package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static io.latchkey.it.SecretsFixture.body;
import static io.latchkey.it.SecretsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Every write is a version; versions are readable, rollback has its own permission, writers never collide silently. */
class SecretVersionsTest {
    static SecretsFixture f;
    static String project;

    @BeforeAll
    static void start() {
        f = new SecretsFixture();
        project = f.project("versions", "secret-manager");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private String threeVersions(String name) {
        String id = f.create(f.admin, project, "dev", "/", name, "v1").json().get("secret").get("id").asText();
        for (String v : List.of("v2", "v3")) {
            assertThat(f.server.patch("/api/v3/secrets/raw/" + name, f.admin, body("workspaceId", project, "environment", "dev",
                    "secretValue", v)).status()).isEqualTo(200);
        }
        return id;
    }

    @Test
    void versionsWhenListedAndReadThenEveryWriteIsThere() {
        String id = threeVersions("HIST");
        JsonNode versions = f.server.get("/api/v1/secret/" + id + "/secret-versions", f.admin).json().get("secretVersions");
        assertThat(versions).extracting(n -> n.get("version").asInt()).containsExactly(3, 2, 1);
        assertThat(versions).extracting(n -> n.get("secretValue").asText()).containsExactly("v3", "v2", "v1");
        assertThat(f.server.get("/api/v1/secret/" + id + "/secret-versions?limit=1&offset=1", f.admin).json()
                .get("secretVersions").get(0).get("version").asInt()).isEqualTo(2);
        JsonNode one = f.server.get("/api/v1/secret/" + id + "/secret-versions/1", f.admin).json().get("secretVersion");
        assertThat(one.get("secretValue").asText()).isEqualTo("v1");
        assertThat(f.get(f.admin, project, "dev", "/", "HIST", "version=2").json().get("secret").get("secretValue").asText())
                .isEqualTo("v2");
        assertThat(f.server.get("/api/v1/secret/" + id + "/secret-versions/9", f.admin).status()).isEqualTo(404);
        assertThat(f.server.get("/api/v1/secret/" + id + "/secret-versions?viewSecretValue=false", f.admin).json()
                .get("secretVersions").get(0).get("secretValueHidden").asBoolean()).isTrue();
    }

    @Test
    void rollbackWhenOnlyRollbackPermissionThenNewVersionEqualToOldWithoutRevealingIt() {
        String id = threeVersions("ROLL");
        String ari = "ari:secrets::" + project + ":secret/dev/ROLL";
        String roller = f.restrictedUser(project, "roller@example.com",
                List.of(Map.of("action", List.of("secrets:Rollback"), "resource", List.of(ari))));
        TestResponse r = f.server.post("/api/v1/secret/" + id + "/secret-versions/rollback", roller, body("version", 1));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = r.json().get("secret");
        assertThat(s.get("version").asInt()).isEqualTo(4);
        assertThat(s.get("secretValueHidden").asBoolean()).as("rollback does not reveal the value").isTrue();
        assertThat(f.get(roller, project, "dev", "/", "ROLL", null).status()).isEqualTo(403);
        assertThat(f.get(f.admin, project, "dev", "/", "ROLL", null).json().get("secret").get("secretValue").asText()).isEqualTo("v1");

        TestResponse denied = f.server.post("/api/v1/secret/" + id + "/secret-versions/rollback", f.restrictedUser(project,
                "reader@example.com", List.of(Map.of("action", List.of("secrets:Read"), "resource", List.of(ari)))), body("version", 2));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("secrets:Rollback");
        assertThat(f.server.post("/api/v1/secret/" + id + "/secret-versions/rollback", f.admin, body("version", 42)).status())
                .isEqualTo(404);
    }

    @Test
    void updateWhenIfMatchOrVersionStaleThenConflictAndNothingWritten() {
        threeVersions("CAS");
        HttpRequest stale = f.server.request("/api/v3/secrets/raw/CAS", f.admin).header("Content-Type", "application/json")
                .header("If-Match", "\"2\"").method("PATCH", HttpRequest.BodyPublishers.ofString(json(body("workspaceId", project,
                        "environment", "dev", "secretValue", "lost")))).build();
        TestResponse conflict = f.server.send(stale);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("error")).isEqualTo("Conflict");
        HttpRequest current = f.server.request("/api/v3/secrets/raw/CAS", f.admin).header("Content-Type", "application/json")
                .header("If-Match", "\"3\"").method("PATCH", HttpRequest.BodyPublishers.ofString(json(body("workspaceId", project,
                        "environment", "dev", "secretValue", "won")))).build();
        assertThat(f.server.send(current).status()).isEqualTo(200);
        assertThat(f.server.patch("/api/v3/secrets/raw/CAS", f.admin, body("workspaceId", project, "environment", "dev",
                "secretValue", "late", "version", 3)).status()).as("body version").isEqualTo(409);
        assertThat(f.get(f.admin, project, "dev", "/", "CAS", null).json().get("secret").get("secretValue").asText()).isEqualTo("won");
        assertThat(f.deleteWithBody("/api/v3/secrets/raw/CAS", f.admin, body("workspaceId", project, "environment", "dev",
                "version", 1)).status()).isEqualTo(409);
    }

    @Test
    void concurrentWritersWhenSameVersionExpectedThenExactlyOneWins() throws Exception {
        threeVersions("RACE");
        List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            Thread t = new Thread(() -> statuses.add(f.server.patch("/api/v3/secrets/raw/RACE", f.admin,
                    body("workspaceId", project, "environment", "dev", "secretValue", "w" + n, "version", 3)).status()));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(f.get(f.admin, project, "dev", "/", "RACE", null).json().get("secret").get("version").asInt()).isEqualTo(4);
    }
}
