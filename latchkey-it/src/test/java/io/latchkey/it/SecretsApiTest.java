package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.latchkey.it.SecretsFixture.body;
import static io.latchkey.it.SecretsFixture.q;
import static org.assertj.core.api.Assertions.assertThat;

/** Secrets over HTTP in the secrets dialect (specs/infisical.md section 4, seed 003's v4 paths). */
class SecretsApiTest {
    static SecretsFixture f;
    static String project;

    @BeforeAll
    static void start() {
        f = new SecretsFixture();
        project = f.project("secrets-api", "secret-manager");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void crudWhenRawV3PathsThenSpecShapesAndVersions() {
        TestResponse created = f.create(f.admin, project, "dev", "/", "DB_URL", "  postgres://db  ");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode s = created.json().get("secret");
        assertThat(s.get("id").asText()).isEqualTo(s.get("_id").asText());
        assertThat(s.has("underscoreId")).isFalse();
        assertThat(s.has("secretReferenceErrors")).as("only present when a reference failed").isFalse();
        assertThat(s.get("workspace").asText()).isEqualTo(project);
        assertThat(s.get("workspaceId").asText()).isEqualTo(project);
        assertThat(s.get("environment").asText()).isEqualTo("dev");
        assertThat(s.get("secretKey").asText()).isEqualTo("DB_URL");
        assertThat(s.get("secretValue").asText()).isEqualTo("postgres://db");
        assertThat(s.get("secretValueHidden").asBoolean()).isFalse();
        assertThat(s.get("secretComment").asText()).isEmpty();
        assertThat(s.get("secretPath").asText()).isEqualTo("/");
        assertThat(s.get("type").asText()).isEqualTo("shared");
        assertThat(s.get("version").asInt()).isEqualTo(1);
        assertThat(s.get("tags").isArray()).isTrue();
        assertThat(s.get("createdAt").asText()).matches("\\d{4}-.*Z");

        TestResponse updated = f.server.patch("/api/v3/secrets/raw/DB_URL", f.admin, body("workspaceId", project,
                "environment", "dev", "secretValue", "postgres://db2", "secretComment", "primary", "tagIds", List.of("db"),
                "secretMetadata", List.of(Map.of("key", "owner", "value", "team-a"))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("secret").get("version").asInt()).isEqualTo(2);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        JsonNode got = f.get(f.admin, project, "dev", "/", "DB_URL", null).json().get("secret");
        assertThat(got.get("secretValue").asText()).isEqualTo("postgres://db2");
        assertThat(got.get("secretComment").asText()).isEqualTo("primary");
        assertThat(got.get("tags").get(0).get("slug").asText()).isEqualTo("db");
        assertThat(got.get("secretMetadata").get(0).get("value").asText()).isEqualTo("team-a");

        TestResponse renamed = f.server.patch("/api/v3/secrets/raw/DB_URL", f.admin, body("workspaceId", project,
                "environment", "dev", "newSecretName", "DATABASE_URL"));
        assertThat(renamed.json().get("secret").get("secretKey").asText()).isEqualTo("DATABASE_URL");
        assertThat(renamed.json().get("secret").get("secretValue").asText()).as("absent members stay").isEqualTo("postgres://db2");

        TestResponse deleted = f.deleteWithBody("/api/v3/secrets/raw/DATABASE_URL", f.admin,
                body("workspaceId", project, "environment", "dev", "secretPath", "/"));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("secret").get("secretKey").asText()).isEqualTo("DATABASE_URL");
        assertThat(f.get(f.admin, project, "dev", "/", "DATABASE_URL", null).status()).isEqualTo(404);
    }

    @Test
    void v4PathsWhenProjectIdThenSameOperationsAndGetById() {
        TestResponse c = f.server.post("/api/v4/secrets/V4_KEY", f.admin, body("projectId", project, "environment", "staging",
                "secretValue", "v4"));
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        String id = c.json().get("secret").get("id").asText();
        assertThat(f.server.get("/api/v4/secrets/V4_KEY?projectId=" + project + "&environment=staging", f.admin)
                .json().get("secret").get("secretValue").asText()).isEqualTo("v4");
        TestResponse byId = f.server.get("/api/v4/secrets/id/" + id, f.admin);
        assertThat(byId.status()).as(byId.body()).isEqualTo(200);
        assertThat(byId.json().get("secret").get("secretKey").asText()).isEqualTo("V4_KEY");
        assertThat(f.server.get("/api/v3/secrets/raw/id/" + id, f.admin).status()).isEqualTo(200);
        JsonNode list = f.server.get("/api/v4/secrets?projectId=" + project + "&environment=staging", f.admin).json();
        assertThat(list.get("secrets")).extracting(n -> n.get("secretKey").asText()).contains("V4_KEY");
        assertThat(list.has("imports")).as("imports only when asked for").isFalse();
        assertThat(f.server.patch("/api/v4/secrets/V4_KEY", f.admin, body("projectId", project, "environment", "staging",
                "secretValue", "v4b")).json().get("secret").get("version").asInt()).isEqualTo(2);
        assertThat(f.deleteWithBody("/api/v4/secrets/V4_KEY", f.admin, body("projectId", project, "environment", "staging"))
                .status()).isEqualTo(200);
        assertThat(f.server.get("/api/v4/secrets/id/" + id, f.admin).status()).isEqualTo(404);
    }

    @Test
    void badInputWhenInvalidOrUnknownThenSpecStatusesAndShape() {
        f.create(f.admin, project, "dev", "/", "DUP", "x");
        TestResponse dup = f.create(f.admin, project, "dev", "/", "DUP", "y");
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.text("error")).isEqualTo("BadRequest");
        assertThat(dup.json().get("reqId").asText()).isNotBlank();
        assertThat(dup.json().get("statusCode").asInt()).isEqualTo(400);

        TestResponse badName = f.create(f.admin, project, "dev", "/", "has.dot", "x");
        assertThat(badName.status()).isEqualTo(422);
        assertThat(badName.text("error")).isEqualTo("ValidationFailure");
        assertThat(badName.json().get("message").get(0).get("path").get(0).asText()).isEqualTo("secretKey");

        TestResponse big = f.create(f.admin, project, "dev", "/", "BIG", "x".repeat(65_537));
        assertThat(big.status()).isEqualTo(422);
        assertThat(big.body()).doesNotContain("xxxxxxxx");

        TestResponse noEnv = f.create(f.admin, project, "nope", "/", "X", "x");
        assertThat(noEnv.status()).isEqualTo(404);
        assertThat(noEnv.text("error")).isEqualTo("NotFound");
        assertThat(f.create(f.admin, project, "dev", "/no/such/folder", "X", "x").status()).isEqualTo(404);
        assertThat(f.create(f.admin, "P000000000000000000000000000", "dev", "/", "X", "x").status()).isEqualTo(404);
        assertThat(f.get(f.admin, project, "dev", "/", "MISSING", null).status()).isEqualTo(404);
        assertThat(f.server.patch("/api/v3/secrets/raw/MISSING", f.admin, body("workspaceId", project, "environment", "dev",
                "secretValue", "x")).status()).isEqualTo(404);
        assertThat(f.get(f.admin, project, "dev", "/a//b", "X", null).status()).isEqualTo(422);
        assertThat(f.list(f.admin, project, "dev", "/", "recursive=maybe").status()).isEqualTo(422);
        assertThat(f.server.get("/api/v3/secrets/raw?workspaceId=" + project + "&environment=dev", null).status()).isEqualTo(401);
        TestResponse noProject = f.server.get("/api/v3/secrets/raw?environment=dev", f.admin);
        assertThat(noProject.status()).isEqualTo(422);
    }

    @Test
    void readWhenViewSecretValueFalseThenMasked() {
        f.create(f.admin, project, "dev", "/", "MASKED", "visible");
        JsonNode s = f.get(f.admin, project, "dev", "/", "MASKED", "viewSecretValue=false").json().get("secret");
        assertThat(s.get("secretValue").asText()).isEqualTo("<hidden-by-infisical>");
        assertThat(s.get("secretValueHidden").asBoolean()).isTrue();
        JsonNode list = f.list(f.admin, project, "dev", "/", "viewSecretValue=false").json();
        assertThat(list.get("secrets")).allSatisfy(n -> assertThat(n.get("secretValue").asText()).isEqualTo("<hidden-by-infisical>"));
    }

    @Test
    void referencesWhenExpandedThenResolvedAcrossEnvironmentsAndPathsAndProblemsReported() {
        f.folder(f.admin, project, "prod", "/", "refs");
        f.create(f.admin, project, "prod", "/refs", "HOST", "db.internal");
        f.create(f.admin, project, "staging", "/", "USER", "app");
        f.create(f.admin, project, "staging", "/", "PORT", "5432");
        f.create(f.admin, project, "staging", "/", "URL", "postgres://${USER}@${prod.refs.HOST}:${PORT}/${MISSING}");
        JsonNode expanded = f.get(f.admin, project, "staging", "/", "URL", "expandSecretReferences=true").json().get("secret");
        assertThat(expanded.get("secretValue").asText()).isEqualTo("postgres://app@db.internal:5432/");
        assertThat(expanded.get("secretReferenceErrors").get(0).get("reference").asText()).isEqualTo("${MISSING}");
        assertThat(expanded.get("secretReferenceErrors").get(0).get("reason").asText()).isEqualTo("unresolvable");
        JsonNode raw = f.get(f.admin, project, "staging", "/", "URL", "expandSecretReferences=false").json().get("secret");
        assertThat(raw.get("secretValue").asText()).contains("${USER}");

        f.create(f.admin, project, "staging", "/", "LOOP_A", "${LOOP_B}");
        f.create(f.admin, project, "staging", "/", "LOOP_B", "${LOOP_A}");
        JsonNode loop = f.get(f.admin, project, "staging", "/", "LOOP_A", "expandSecretReferences=true").json().get("secret");
        assertThat(loop.get("secretValue").asText()).isEmpty();
        assertThat(loop.get("secretReferenceErrors").get(0).get("reason").asText()).isEqualTo("cycle");
    }

    @Test
    void batchWhenOneEntryBadThenNothingChangedElseAllApplied() {
        TestResponse bad = f.server.post("/api/v3/secrets/batch/raw", f.admin, body("workspaceId", project, "environment", "dev",
                "secrets", List.of(Map.of("secretKey", "B_ONE", "secretValue", "1"), Map.of("secretKey", "bad name", "secretValue", "2"))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("message").get(0).get("path").toString()).contains("secrets[1]");
        assertThat(f.get(f.admin, project, "dev", "/", "B_ONE", null).status()).isEqualTo(404);

        f.create(f.admin, project, "dev", "/", "B_EXISTING", "x");
        TestResponse clash = f.server.post("/api/v4/secrets/batch", f.admin, body("projectId", project, "environment", "dev",
                "secrets", List.of(Map.of("secretKey", "B_TWO", "secretValue", "2"), Map.of("secretKey", "B_EXISTING", "secretValue", "3"))));
        assertThat(clash.status()).isEqualTo(400);
        assertThat(f.get(f.admin, project, "dev", "/", "B_TWO", null).status()).as("rolled back").isEqualTo(404);

        TestResponse ok = f.server.post("/api/v4/secrets/batch", f.admin, body("projectId", project, "environment", "dev",
                "secrets", List.of(Map.of("secretKey", "B_TWO", "secretValue", "2"), Map.of("secretKey", "B_THREE", "secretValue", "3"))));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("secrets")).hasSize(2);

        TestResponse upd = f.server.patch("/api/v3/secrets/batch/raw", f.admin, body("workspaceId", project, "environment", "dev",
                "secrets", List.of(Map.of("secretKey", "B_TWO", "secretValue", "22"), Map.of("secretKey", "B_MISSING", "secretValue", "x"))));
        assertThat(upd.status()).isEqualTo(404);
        assertThat(f.get(f.admin, project, "dev", "/", "B_TWO", null).json().get("secret").get("secretValue").asText()).isEqualTo("2");
        TestResponse upsert = f.server.patch("/api/v4/secrets/batch", f.admin, body("projectId", project, "environment", "dev",
                "mode", "upsert", "secrets", List.of(Map.of("secretKey", "B_TWO", "secretValue", "22"),
                        Map.of("secretKey", "B_FOUR", "secretValue", "4"))));
        assertThat(upsert.status()).as(upsert.body()).isEqualTo(200);
        assertThat(f.get(f.admin, project, "dev", "/", "B_FOUR", null).status()).isEqualTo(200);

        TestResponse del = f.deleteWithBody("/api/v4/secrets/batch", f.admin, body("projectId", project, "environment", "dev",
                "secrets", List.of(Map.of("secretKey", "B_TWO"), Map.of("secretKey", "B_THREE"), Map.of("secretKey", "B_FOUR"))));
        assertThat(del.status()).as(del.body()).isEqualTo(200);
        assertThat(del.json().get("secrets")).hasSize(3);
    }

    @Test
    void moveWhenBetweenEnvironmentsThenSameIdNewVersionAndConflictsRefused() {
        String id = f.create(f.admin, project, "dev", "/", "MOVE_ME", "m").json().get("secret").get("id").asText();
        f.folder(f.admin, project, "prod", "/", "moved");
        TestResponse r = f.server.post("/api/v4/secrets/move", f.admin, body("projectId", project, "sourceEnvironment", "dev",
                "sourceSecretPath", "/", "destinationEnvironment", "prod", "destinationSecretPath", "/moved",
                "secretIds", List.of(id)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("isDestinationUpdated").asBoolean()).isTrue();
        assertThat(f.get(f.admin, project, "dev", "/", "MOVE_ME", null).status()).isEqualTo(404);
        JsonNode moved = f.get(f.admin, project, "prod", "/moved", "MOVE_ME", null).json().get("secret");
        assertThat(moved.get("id").asText()).isEqualTo(id);
        assertThat(moved.get("version").asInt()).isEqualTo(2);
        assertThat(moved.get("secretValue").asText()).isEqualTo("m");

        String other = f.create(f.admin, project, "dev", "/", "MOVE_ME", "again").json().get("secret").get("id").asText();
        TestResponse clash = f.server.post("/api/v4/secrets/move", f.admin, body("projectId", project, "sourceEnvironment", "dev",
                "sourceSecretPath", "/", "destinationEnvironment", "prod", "destinationSecretPath", "/moved",
                "secretIds", List.of(other)));
        assertThat(clash.status()).isEqualTo(400);
        TestResponse overwrite = f.server.post("/api/v4/secrets/move", f.admin, body("projectId", project, "sourceEnvironment", "dev",
                "sourceSecretPath", "/", "destinationEnvironment", "prod", "destinationSecretPath", "/moved",
                "secretIds", List.of(other), "shouldOverwrite", true));
        assertThat(overwrite.status()).as(overwrite.body()).isEqualTo(200);
        assertThat(f.get(f.admin, project, "prod", "/moved", "MOVE_ME", null).json().get("secret").get("secretValue").asText())
                .isEqualTo("again");
    }

    @Test
    void personalWhenIdentityThen400WhenUserThenOverridesSharedInLists() {
        TestResponse identity = f.server.post("/api/v3/secrets/raw/PERS", f.admin, body("workspaceId", project,
                "environment", "dev", "secretValue", "x", "type", "personal"));
        assertThat(identity.status()).isEqualTo(400);
        f.create(f.admin, project, "dev", "/", "PERS", "shared-value");
        TestResponse mine = f.server.post("/api/v3/secrets/raw/PERS", f.owner, body("workspaceId", project,
                "environment", "dev", "secretValue", "my-value", "type", "personal"));
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        JsonNode ownerList = f.list(f.owner, project, "dev", "/", null).json().get("secrets");
        JsonNode pers = findKey(ownerList, "PERS");
        assertThat(pers.get("type").asText()).isEqualTo("personal");
        assertThat(pers.get("secretValue").asText()).isEqualTo("my-value");
        JsonNode adminView = findKey(f.list(f.admin, project, "dev", "/", null).json().get("secrets"), "PERS");
        assertThat(adminView.get("secretValue").asText()).isEqualTo("shared-value");
        assertThat(f.get(f.owner, project, "dev", "/", "PERS", "type=personal").json().get("secret").get("secretValue").asText())
                .isEqualTo("my-value");
    }

    @Test
    void getWhenSdkQueryExtrasThenIgnoredAndImportsSpellingsAccepted() {
        f.create(f.admin, project, "dev", "/", "EXTRAS", "e");
        TestResponse r = f.server.get("/api/v3/secrets/raw/EXTRAS?secretName=EXTRAS&workspaceId=" + project
                + "&environment=dev&expandSecretReferences=true&includeImports=false&viewSecretValue=true&unknownThing=1", f.admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        TestResponse l = f.server.get("/api/v3/secrets/raw?workspaceId=" + project + "&environment=dev&include_imports=false"
                + "&recursive=false&tagSlugs=&secretPath=" + q("/"), f.admin);
        assertThat(l.status()).as(l.body()).isEqualTo(200);
    }

    static JsonNode findKey(JsonNode secrets, String key) {
        for (JsonNode n : secrets) {
            if (n.get("secretKey").asText().equals(key)) {
                return n;
            }
        }
        throw new AssertionError(key + " not in " + secrets);
    }
}
