package io.latchkey.cli;

import io.latchkey.sdk.HttpTransport;
import io.latchkey.sdk.JsonCodec;
import io.latchkey.sdk.TokenKeys;
import io.latchkey.sdk.TokenSigningAlgorithm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IamCommandsTest {
    private static final String USER_TOKEN = CliHarness.token("user", CliHarness.NOW.plusSeconds(3600).getEpochSecond());
    private static final String PROJECT_TOKEN = CliHarness.token("project", CliHarness.NOW.plusSeconds(3600).getEpochSecond());
    private static final String PROJECT = "{\"id\":\"P1\",\"name\":\"payments\",\"ownerId\":\"u-1\",\"createdAt\":\"2026-01-01T00:00:00Z\","
            + "\"updatedAt\":\"2026-01-01T00:00:00Z\"}";
    private static final String STS = "{\"accessToken\":\"" + PROJECT_TOKEN + "\",\"expiresIn\":3600,\"scope\":\"openid\"}";
    private static final String TOKEN = "{\"id\":\"t-1\",\"ari\":\"ari:iam:::token/t-1\",\"ownerAri\":\"ari:iam:::user/u-1\","
            + "\"name\":\"ci-deployer\",\"authenticationMethod\":{\"type\":\"PRIVATE_KEY\",\"signingAlgorithm\":\"RS256\","
            + "\"publicKeyInfo\":{\"jwks\":{\"keys\":[{\"kid\":\"my-kid\"}]}}},\"scopes\":[]}";

    private static String body(HttpTransport.Request r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static CliHarness selected() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("GET /iam/v1/projects/P1", 200, PROJECT);
        assertThat(h.run("project", "select", "P1").exit()).isZero();
        return h;
    }

    @Test
    void projectSelectWhenProjectExistsThenRememberedAndPrincipalsUseAProjectScopedToken() throws Exception {
        CliHarness h = selected().route("POST /iam/v1/sts/create-project-scoped-token", 200, STS)
                .route("GET /iam/v1/projects/principals", 200, "{\"records\":[{\"principalId\":\"t-1\",\"principalType\":\"token\"}]}");
        assertThat(h.profile().projectId()).isEqualTo("P1");
        assertThat(h.profile().token()).as("the login survives the selection").isEqualTo(USER_TOKEN);

        CliHarness.Result r = h.run("--json", "principal", "list");
        assertThat(r.exit()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = JsonCodec.read(r.out(), Map.class);
        assertThat(doc).containsEntry("projectId", "P1");
        HttpTransport.Request sts = h.requests().get(h.requests().size() - 2);
        assertThat(body(sts)).isEqualTo("{\"projectId\":\"P1\"}");
        assertThat(sts.header("Authorization")).isEqualTo("Bearer " + USER_TOKEN);
        assertThat(h.requests().get(h.requests().size() - 1).header("Authorization")).isEqualTo("Bearer " + PROJECT_TOKEN);
    }

    @Test
    void principalListWhenNoProjectSelectedThenExit2WithHintAndNoRequest() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN);
        CliHarness.Result r = h.run("principal", "list");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no project given").contains("--project").contains("LATCHKEY_PROJECT");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void policySetWhenDocumentMisspeltThenExit2NamingFileAndMemberAndNothingSent() throws Exception {
        CliHarness h = selected();
        int before = h.requests().size();
        Path file = Files.writeString(h.configDir.getParent().resolve("policy.json"), "{\"version\":\"2022-12-15\",\"Statement\":[]}");
        CliHarness.Result r = h.run("policy", "set", "-t", "token", "-i", "t-1", "-f", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(file.toString()).contains("unknown member \"Statement\"");
        assertThat(h.requests()).hasSize(before);
        assertThat(h.run("policy", "set", "-t", "robot", "-i", "t-1", "-f", file.toString()).err()).contains("user or token");
    }

    @Test
    void createTokenWhenPublicKeyFileAndKeyIdThenJwksSentAndNoPrivateKeyWritten() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("POST /iam/v1/tokens", 200, TOKEN);
        Path pub = Files.writeString(h.configDir.getParent().resolve("public.pem"),
                TokenKeys.publicKeyPem(TokenKeys.generate(TokenSigningAlgorithm.RS256).getPublic()));
        CliHarness.Result r = h.run("--json", "token", "create-token", "-n", "ci-deployer", "-f", pub.toString(), "-k", "my-kid");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(h.requests()).hasSize(1);
        String sent = body(h.requests().get(0));
        assertThat(sent).contains("\"kid\":\"my-kid\"").contains("\"alg\":\"RS256\"").contains("\"signingAlgorithm\":\"RS256\"")
                .contains("\"kty\":\"RSA\"").doesNotContain("\"d\"");
        assertThat(r.out()).doesNotContain("privateKeyFile");
        assertThat(Files.exists(h.configDir.resolve("keys"))).isFalse();

        CliHarness.Result mismatch = h.run("token", "create-token", "-n", "ci-deployer", "-f", pub.toString(), "-a", "ES256");
        assertThat(mismatch.exit()).isEqualTo(2);
        assertThat(mismatch.err()).contains("cannot sign ES256");
    }

    @Test
    void createTokenWhenWithPermissionsButNoProjectSelectedThenExit2BeforeAnyTokenExists() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN);
        CliHarness.Result r = h.run("--no-input", "token", "create-token", "-n", "ci-deployer", "-g", "-w");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no project given");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void projectDeleteWhenSelectedProjectDeletedThenSelectionCleared() throws Exception {
        CliHarness h = selected().route("DELETE /iam/v1/projects/P1", 204, "");
        CliHarness.Result r = h.run("--no-input", "project", "delete", "P1", "--yes");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("no project is selected now");
        assertThat(h.profile().projectId()).isNull();
        assertThat(h.run("--no-input", "project", "delete", "P1").exit()).as("no --yes under --no-input").isEqualTo(2);
    }
}
