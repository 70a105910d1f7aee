package io.latchkey.compat;

import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official {@code @infisical/sdk@5.0.2}, unmodified, against a fresh server: secrets in an environment
 * and folder path, reference expansion, folders, and KMS keys through encrypt/decrypt and sign/verify
 * (compat/infisical/secrets.cjs). The projects are created through the native API; the SDK authenticates
 * with the bootstrap identity's static token.
 */
class InfisicalSecretsCompatTest {

    @Test
    void officialSdkWhenWalkingSecretsFoldersAndKmsThenEveryCheckPasses() {
        try (TestServer server = TestServer.start()) {
            String identityToken = server.bootstrap().text("identity.credentials.token");
            String owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            String out = NodeSuite.run("infisical", "secrets.cjs", Map.of(
                    "LATCHKEY_URL", server.baseUrl(),
                    "LATCHKEY_TOKEN", identityToken,
                    "LATCHKEY_PROJECT", project(server, owner, "sdk-secrets", "secret-manager"),
                    "LATCHKEY_KMS_PROJECT", project(server, owner, "sdk-kms", "kms")));
            assertThat(out).contains("all checks passed");
        }
    }

    private static String project(TestServer server, String owner, String name, String type) {
        TestResponse r = server.post("/iam/v1/projects", owner, Map.of("name", name, "type", type));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("id");
    }
}
