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

/** Folders (specs/infisical.md section 5, F1-F5 and seed 003's v2 paths) and secret imports. */
class FoldersAndImportsTest {
    static SecretsFixture f;
    static String project;

    @BeforeAll
    static void start() {
        f = new SecretsFixture();
        project = f.project("folders", "secret-manager");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void createWhenRepeatedOrNestedThenIdempotentMkdirP() {
        JsonNode first = f.folder(f.admin, project, "dev", "/a/b", "c").json().get("folder");
        assertThat(first.get("name").asText()).isEqualTo("c");
        assertThat(first.get("path").asText()).isEqualTo("/a/b/c");
        JsonNode again = f.folder(f.admin, project, "dev", "/a/b", "c").json().get("folder");
        assertThat(again.get("id").asText()).isEqualTo(first.get("id").asText());
        JsonNode root = f.server.get("/api/v1/folders?workspaceId=" + project + "&environment=dev", f.admin).json().get("folders");
        assertThat(root).extracting(n -> n.get("name").asText()).contains("a");
        JsonNode all = f.server.get("/api/v2/folders?workspaceId=" + project + "&environment=dev&path=" + q("/a")
                + "&recursive=true", f.admin).json().get("folders");
        assertThat(all).extracting(n -> n.get("path").asText()).containsExactly("/a/b", "/a/b/c");
        assertThat(all.get(1).get("parentId").asText()).isEqualTo(all.get(0).get("id").asText());

        JsonNode byId = f.server.get("/api/v2/folders/" + first.get("id").asText(), f.admin).json().get("folder");
        assertThat(byId.get("environment").get("envSlug").asText()).isEqualTo("dev");
        assertThat(byId.get("projectId").asText()).isEqualTo(project);
        assertThat(byId.get("path").asText()).isEqualTo("/a/b/c");
    }

    @Test
    void createWhenBadNameOrUnknownEnvironmentThen400Or404() {
        TestResponse bad = f.server.post("/api/v1/folders", f.admin, body("workspaceId", project, "environment", "dev", "name", "a b"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("error")).isEqualTo("BadRequest");
        assertThat(f.server.post("/api/v2/folders", f.admin, body("workspaceId", project, "environment", "nope", "name", "x"))
                .status()).isEqualTo(404);
        assertThat(f.server.get("/api/v1/folders?workspaceId=" + project + "&environment=dev&path=" + q("/missing"), f.admin)
                .status()).isEqualTo(404);
    }

    @Test
    void renameWhenSubtreeHasSecretsThenTheyFollowAndSiblingClashIs400() {
        String id = f.folder(f.admin, project, "staging", "/", "old").json().get("folder").get("id").asText();
        f.folder(f.admin, project, "staging", "/old", "deep");
        f.folder(f.admin, project, "staging", "/", "taken");
        f.create(f.admin, project, "staging", "/old/deep", "INSIDE", "i");
        TestResponse clash = f.server.patch("/api/v1/folders/" + id, f.admin, body("workspaceId", project, "environment", "staging",
                "path", "/", "name", "taken"));
        assertThat(clash.status()).isEqualTo(400);
        TestResponse renamed = f.server.patch("/api/v2/folders/" + id, f.admin, body("workspaceId", project, "environment", "staging",
                "path", "/", "name", "new"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("folder").get("path").asText()).isEqualTo("/new");
        assertThat(f.get(f.admin, project, "staging", "/new/deep", "INSIDE", null).json().get("secret").get("secretValue").asText())
                .isEqualTo("i");
        assertThat(f.get(f.admin, project, "staging", "/old/deep", "INSIDE", null).status()).isEqualTo(404);
    }

    @Test
    void deleteWhenFolderHasSecretsAndSubfoldersThenAllGone() {
        f.folder(f.admin, project, "prod", "/", "gone");
        f.folder(f.admin, project, "prod", "/gone", "sub");
        f.create(f.admin, project, "prod", "/gone/sub", "X", "x");
        TestResponse del = f.deleteWithBody("/api/v1/folders/gone", f.admin, body("workspaceId", project, "environment", "prod",
                "path", "/"));
        assertThat(del.status()).as(del.body()).isEqualTo(200);
        assertThat(f.list(f.admin, project, "prod", "/gone/sub", null).status()).isEqualTo(404);
        f.folder(f.admin, project, "prod", "/gone", "sub");
        assertThat(f.list(f.admin, project, "prod", "/gone/sub", null).json().get("secrets")).as("secrets went with it").isEmpty();
        assertThat(f.deleteWithBody("/api/v2/folders/nothing", f.admin, body("workspaceId", project, "environment", "prod",
                "path", "/")).status()).isEqualTo(404);
    }

    @Test
    void listWhenRecursiveThenSubfolderSecretsWithTheirPaths() {
        f.folder(f.admin, project, "dev", "/", "rec");
        f.folder(f.admin, project, "dev", "/rec", "inner");
        f.create(f.admin, project, "dev", "/rec", "TOP", "t");
        f.create(f.admin, project, "dev", "/rec/inner", "DEEP", "d");
        JsonNode flat = f.list(f.admin, project, "dev", "/rec", null).json().get("secrets");
        assertThat(flat).extracting(n -> n.get("secretKey").asText()).containsExactly("TOP");
        JsonNode rec = f.list(f.admin, project, "dev", "/rec", "recursive=true").json().get("secrets");
        assertThat(rec).extracting(n -> n.get("secretKey").asText() + "@" + n.get("secretPath").asText())
                .containsExactly("TOP@/rec", "DEEP@/rec/inner");
    }

    @Test
    void importsWhenListedAndReadThenResolvedInOrder() {
        f.folder(f.admin, project, "prod", "/", "shared");
        f.create(f.admin, project, "prod", "/shared", "FROM_PROD", "p");
        f.folder(f.admin, project, "staging", "/", "app");
        f.create(f.admin, project, "staging", "/app", "LOCAL", "l");
        TestResponse imp = f.server.post("/api/v2/secret-imports", f.admin, body("workspaceId", project, "environment", "staging",
                "path", "/app", "import", Map.of("environment", "prod", "path", "/shared")));
        assertThat(imp.status()).as(imp.body()).isEqualTo(200);
        JsonNode si = imp.json().get("secretImport");
        assertThat(si.get("importEnv").get("slug").asText()).isEqualTo("prod");
        assertThat(si.get("importPath").asText()).isEqualTo("/shared");
        assertThat(si.get("position").asInt()).isEqualTo(1);
        assertThat(f.server.post("/api/v1/secret-imports", f.admin, body("workspaceId", project, "environment", "staging",
                "path", "/app", "import", Map.of("environment", "prod", "path", "/shared"))).status()).isEqualTo(400);

        JsonNode listed = f.server.get("/api/v2/secret-imports?workspaceId=" + project + "&environment=staging&path=" + q("/app"),
                f.admin).json().get("secretImports");
        assertThat(listed).hasSize(1);
        JsonNode withImports = f.list(f.admin, project, "staging", "/app", "include_imports=true").json();
        assertThat(withImports.get("secrets")).extracting(n -> n.get("secretKey").asText()).containsExactly("LOCAL");
        JsonNode imported = withImports.get("imports").get(0);
        assertThat(imported.get("environment").asText()).isEqualTo("prod");
        assertThat(imported.get("secretPath").asText()).isEqualTo("/shared");
        assertThat(imported.get("secrets").get(0).get("secretValue").asText()).isEqualTo("p");
        assertThat(f.get(f.admin, project, "staging", "/app", "FROM_PROD", "includeImports=true").json().get("secret")
                .get("secretValue").asText()).isEqualTo("p");
        assertThat(f.get(f.admin, project, "staging", "/app", "FROM_PROD", null).status()).isEqualTo(404);
        JsonNode raw = f.server.get("/api/v2/secret-imports/secrets?workspaceId=" + project + "&environment=staging&path="
                + q("/app"), f.admin).json().get("secrets");
        assertThat(raw.get(0).get("secrets").get(0).get("secretKey").asText()).isEqualTo("FROM_PROD");

        String importId = si.get("id").asText();
        assertThat(f.server.get("/api/v1/secret-imports/" + importId, f.admin).status()).isEqualTo(200);
        TestResponse moved = f.server.patch("/api/v2/secret-imports/" + importId, f.admin, body("workspaceId", project,
                "environment", "staging", "path", "/app", "import", Map.of("environment", "dev", "path", "/")));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("secretImport").get("importEnv").get("slug").asText()).isEqualTo("dev");
        assertThat(f.deleteWithBody("/api/v2/secret-imports/" + importId, f.admin, body("workspaceId", project,
                "environment", "staging", "path", "/app")).status()).isEqualTo(200);
        assertThat(f.list(f.admin, project, "staging", "/app", "include_imports=true").json().get("imports")).isEmpty();
    }

    @Test
    void batchUpdateWhenV2FoldersThenEachRenamed() {
        String id = f.folder(f.admin, project, "dev", "/", "batch1").json().get("folder").get("id").asText();
        TestResponse r = f.server.patch("/api/v2/folders/batch", f.admin, body("projectId", project, "folders",
                List.of(Map.of("id", id, "environment", "dev", "name", "batch2", "path", "/"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("folders").get(0).get("name").asText()).isEqualTo("batch2");
    }
}
