package io.latchkey.it;

import io.latchkey.testkit.Backend;
import io.latchkey.testkit.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

import static io.latchkey.it.SecretsFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret values, comments, every version, KMS key material and webhook signing secrets are sealed at rest:
 * the database (every row on PostgreSQL, the files on H2) holds none of them, nor do logs or audit events.
 */
class SecretsEncryptionAtRestTest {
    static final String VALUE_1 = "plaintext-value-one-7f3a9c";
    static final String VALUE_2 = "plaintext-value-two-1b8e4d";
    static final String COMMENT = "plaintext-comment-5d2f7a";
    static final String KMS_PLAINTEXT = "kms-plaintext-2c9d1e";

    @Test
    void storageWhenSecretsKeysAndWebhooksWrittenThenNoPlaintextAnywhere() throws Exception {
        try (SecretsFixture f = new SecretsFixture()) {
            String project = f.project("at-rest", "secret-manager");
            assertThat(f.server.post("/api/v3/secrets/raw/AT_REST", f.admin, body("workspaceId", project, "environment", "prod",
                    "secretValue", VALUE_1, "secretComment", COMMENT)).status()).isEqualTo(200);
            assertThat(f.server.patch("/api/v3/secrets/raw/AT_REST", f.admin, body("workspaceId", project, "environment", "prod",
                    "secretValue", VALUE_2)).status()).isEqualTo(200);
            String webhookSecret = f.server.post("/api/v1/webhooks", f.admin, body("workspaceId", project, "environment", "dev",
                    "webhookUrl", "http://127.0.0.1:9/unused")).text("signingSecret");
            String kms = f.project("at-rest-kms", "kms");
            String key = f.server.post("/api/v1/kms/keys", f.admin, body("projectId", kms, "name", "k")).json().get("key").get("id").asText();
            String plaintext = Base64.getEncoder().encodeToString(KMS_PLAINTEXT.getBytes(StandardCharsets.UTF_8));
            assertThat(f.server.post("/api/v1/kms/keys/" + key + "/encrypt", f.admin, body("plaintext", plaintext)).status()).isEqualTo(200);
            TestResponse audit = f.server.get("/iam/v1/audit?projectId=" + project, f.owner);
            assertThat(audit.body()).contains("secret.create").contains("secret.update");
            List<String> secrets = List.of(VALUE_1, VALUE_2, COMMENT, webhookSecret, KMS_PLAINTEXT, plaintext);

            String rows = SecretsAtRestTest.dumpAllRows(f.server);
            assertThat(rows).contains("AT_REST"); // the dump covers the secrets tables
            for (String s : secrets) {
                assertThat(rows).doesNotContain(s);
                assertThat(f.server.logs()).doesNotContain(s);
                assertThat(audit.body()).doesNotContain(s);
            }
            if (f.server.database().backend() == Backend.H2) {
                f.server.restart();
                String raw = SecretsAtRestTest.readFiles(f.server.database().dataDir());
                for (String s : secrets) {
                    assertThat(raw).doesNotContain(s);
                }
            } else {
                f.server.restart();
            }
            TestResponse after = f.server.get("/api/v3/secrets/raw/AT_REST?workspaceId=" + project + "&environment=prod",
                    f.admin);
            assertThat(after.json().get("secret").get("secretValue").asText()).as("readable after restart").isEqualTo(VALUE_2);
            assertThat(after.json().get("secret").get("secretComment").asText()).isEqualTo(COMMENT);
        }
    }
}
