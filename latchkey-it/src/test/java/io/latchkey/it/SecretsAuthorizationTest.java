package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.latchkey.it.SecretsFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every secrets operation goes through the policy evaluator with environment and path in the resource name:
 * a principal allowed to read prod below /db sees exactly that, and every denial names what is missing.
 */
class SecretsAuthorizationTest {
    static SecretsFixture f;
    static String project;
    static String reader;

    @BeforeAll
    static void start() {
        f = new SecretsFixture();
        project = f.project("authz", "secret-manager");
        f.folder(f.admin, project, "prod", "/", "db");
        f.folder(f.admin, project, "prod", "/db", "replica");
        f.create(f.admin, project, "prod", "/db", "PASSWORD", "prod-db-password");
        f.create(f.admin, project, "prod", "/db/replica", "PASSWORD", "replica-password");
        f.create(f.admin, project, "prod", "/", "API_KEY", "prod-api-key");
        f.create(f.admin, project, "dev", "/", "DEV_ONLY", "dev-value");
        f.create(f.admin, project, "prod", "/db", "REF", "${prod.API_KEY}|${PASSWORD}");
        reader = f.restrictedUser(project, "db-reader@example.com", List.of(Map.of(
                "action", List.of("secrets:Read", "secrets:List"),
                "resource", List.of("ari:secrets::" + project + ":secret/prod/db/*"))));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void readerWhenInsideGrantThenReadsAndListsIncludingSubfolders() {
        assertThat(f.get(reader, project, "prod", "/db", "PASSWORD", null).json().get("secret").get("secretValue").asText())
                .isEqualTo("prod-db-password");
        JsonNode list = f.list(reader, project, "prod", "/db", "recursive=true").json().get("secrets");
        assertThat(list).extracting(n -> n.get("secretKey").asText() + "@" + n.get("secretPath").asText())
                .containsExactlyInAnyOrder("PASSWORD@/db", "REF@/db", "PASSWORD@/db/replica");
    }

    @Test
    void readerWhenOtherEnvironmentOrPathThenForbiddenNamingThePermission() {
        TestResponse otherEnv = f.list(reader, project, "dev", "/", null);
        assertThat(otherEnv.status()).isEqualTo(403);
        assertThat(otherEnv.text("error")).isEqualTo("PermissionDenied");
        assertThat(otherEnv.json().get("details").get("missingPermission").asText()).isEqualTo("secrets:List");
        assertThat(otherEnv.body()).doesNotContain("DEV_ONLY");
        TestResponse root = f.list(reader, project, "prod", "/", null);
        assertThat(root.status()).isEqualTo(403);
        assertThat(root.body()).doesNotContain("API_KEY");
        TestResponse get = f.get(reader, project, "prod", "/", "API_KEY", null);
        assertThat(get.status()).isEqualTo(403);
        assertThat(get.json().get("details").get("missingPermission").asText()).isEqualTo("secrets:Read");
        assertThat(get.json().get("details").get("resource").asText()).isEqualTo("ari:secrets::" + project + ":secret/prod/API_KEY");
        assertThat(f.get(reader, project, "dev", "/", "DOES_NOT_EXIST", null).status()).as("no existence probing").isEqualTo(403);
    }

    @Test
    void readerWhenReferenceOutsideGrantThenExpandsToNothing() {
        JsonNode s = f.get(reader, project, "prod", "/db", "REF", "expandSecretReferences=true").json().get("secret");
        assertThat(s.get("secretValue").asText()).isEqualTo("|prod-db-password");
        assertThat(s.get("secretReferenceErrors").get(0).get("reason").asText()).isEqualTo("unresolvable");
    }

    @Test
    void readerWhenWritingThenForbiddenAndNothingChanged() {
        TestResponse create = f.create(reader, project, "prod", "/db", "NEW", "x");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().get("details").get("missingPermission").asText()).isEqualTo("secrets:Create");
        TestResponse update = f.server.patch("/api/v3/secrets/raw/PASSWORD", reader, body("workspaceId", project,
                "environment", "prod", "secretPath", "/db", "secretValue", "hacked"));
        assertThat(update.status()).isEqualTo(403);
        assertThat(update.body()).contains("secrets:Update");
        assertThat(f.deleteWithBody("/api/v3/secrets/raw/PASSWORD", reader, body("workspaceId", project, "environment", "prod",
                "secretPath", "/db")).status()).isEqualTo(403);
        assertThat(f.server.post("/api/v1/folders", reader, body("workspaceId", project, "environment", "prod", "path", "/db",
                "name", "x")).body()).contains("secrets:CreateFolder");
        assertThat(f.get(f.admin, project, "prod", "/db", "PASSWORD", null).json().get("secret").get("secretValue").asText())
                .isEqualTo("prod-db-password");
    }

    @Test
    void listerWithoutReadWhenListingThenNamesWithMaskedValues() {
        String lister = f.restrictedUser(project, "lister@example.com", List.of(Map.of("action", List.of("secrets:List"),
                "resource", List.of("ari:secrets::" + project + ":secret/prod/*"))));
        JsonNode list = f.list(lister, project, "prod", "/", null).json().get("secrets");
        assertThat(list.get(0).get("secretKey").asText()).isEqualTo("API_KEY");
        assertThat(list.get(0).get("secretValue").asText()).isEqualTo("<hidden-by-infisical>");
        assertThat(list.get(0).get("secretValueHidden").asBoolean()).isTrue();
    }

    @Test
    void strangerWhenProjectOfAnotherPrincipalThenNotFound() {
        assertThat(f.server.post("/iam/v1/users", f.owner, body("email", "stranger@example.com", "password",
                "a long enough password", "displayName", "Stranger", "role", "member")).status()).isEqualTo(200);
        String stranger = f.server.login("stranger@example.com", "a long enough password");
        TestResponse r = f.list(stranger, project, "prod", "/", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text("error")).isEqualTo("NotFound");
    }

    @Test
    void kmsWhenNoPermissionThenForbiddenNamingAction() {
        String kmsProject = f.project("authz-kms", "kms");
        String key = f.server.post("/api/v1/kms/keys", f.admin, body("projectId", kmsProject, "name", "k1"))
                .json().get("key").get("id").asText();
        String user = f.restrictedUser(kmsProject, "kms-user@example.com", List.of(Map.of("action", List.of("kms:Encrypt"),
                "resource", List.of("ari:kms::" + kmsProject + ":key/" + key))));
        assertThat(f.server.post("/api/v1/kms/keys/" + key + "/encrypt", user, body("plaintext", "aGk=")).status()).isEqualTo(200);
        TestResponse denied = f.server.post("/api/v1/kms/keys/" + key + "/decrypt", user, body("ciphertext", "aGk="));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("details").get("missingPermission").asText()).isEqualTo("kms:Decrypt");
    }
}
