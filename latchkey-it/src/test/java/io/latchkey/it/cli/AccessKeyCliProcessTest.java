package io.latchkey.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.sdk.AccessKeySessionClaims;
import io.latchkey.sdk.AccessKeySessionVerifier;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.latchkey.testkit.TestServer.OWNER_EMAIL;
import static io.latchkey.testkit.TestServer.OWNER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access-key commands as a separate process against the real server, with and without {@code --json}:
 * a management key; an access key created (its value printed once), exchanged (the key
 * read from stdin or LATCHKEY_ACCESS_KEY), its session verified through the SDK against
 * {@code /v2/keys/{projectId}}; then deactivated and the exchange refused. The user token comes from
 * LATCHKEY_TOKEN, so that no process is spent on logging in (login has its own process test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessKeyCliProcessTest {
    private TestServer server;
    private CliProcess cli;
    private String projectId;
    private AccessKeySessionVerifier verifier;

    @BeforeAll
    void start() throws IOException {
        server = TestServer.start();
        server.bootstrap();
        String token = server.login(OWNER_EMAIL, OWNER_PASSWORD);
        projectId = server.post("/iam/v1/projects", token, Map.of("name", "cli machines")).text("id");
        cli = new CliProcess();
        cli.environment().put("LATCHKEY_TOKEN", token);
        cli.environment().put("LATCHKEY_SERVER", server.baseUrl());
        LatchkeyClient anonymous = LatchkeyClient.builder().baseUrl(server.baseUrl()).build();
        verifier = AccessKeySessionVerifier.builder().client(anonymous).projectId(projectId)
                .issuer(anonymous.wellKnown().openIdConfiguration().issuer()).build();
        // Roles and tenants over HTTP: their commands are covered in memory by latchkey-cli's tests, and each
        // process here costs seconds on a busy machine.
        String base = "/iam/v1/projects/" + projectId;
        assertThat(server.post(base + "/roles", token, Map.of("name", "Reader", "permissionNames", java.util.List.of("reports:read")))
                .status()).isEqualTo(200);
        assertThat(server.post(base + "/tenants", token, Map.of("id", "acme", "name", "Acme")).status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private CliProcess.Result exchangeFromStdin(String key) {
        return cli.runWithInput(Map.of(), (key + "\n").getBytes(StandardCharsets.UTF_8),
                "access-keys", "exchange", "--project", projectId, "--access-key-stdin");
    }

    @Test
    void accessKeyFlowWhenTextThenCreateShowsValueOnceExchangeVerifiesAndDeactivationRefuses() {
        CliProcess.Result mgmt = cli.run("management-keys", "create", "--project", projectId, "--name", "ci");
        assertThat(mgmt.exit()).as(mgmt.toString()).isZero();
        String managementKey = lineAfter(mgmt.out(), "Management key:");
        assertThat(server.post("/v1/mgmt/accesskey/search", projectId + ":" + managementKey, Map.of()).status())
                .as("the printed management key works with the dialect").isEqualTo(200);

        CliProcess.Result created = cli.run("access-keys", "create", "--project", projectId, "--name", "reporter", "--role", "Reader",
                "--tenant", "acme:Reader", "--claim", "team=platform");
        assertThat(created.exit()).as(created.toString()).isZero();
        String accessKey = lineAfter(created.out(), "Access key:");
        assertThat(created.out().split(accessKey, -1)).as("the value is printed exactly once").hasSize(2);
        assertThat(created.err()).contains("only time").doesNotContain(accessKey);
        String keyId = created.out().replaceAll("(?s).*\\((K[0-9A-Za-z]{27})\\).*", "$1");

        CliProcess.Result exchanged = exchangeFromStdin(accessKey);
        assertThat(exchanged.exit()).as(exchanged.toString()).isZero();
        String jwt = exchanged.out().trim();
        assertThat(exchanged.out()).isEqualTo(jwt + System.lineSeparator());
        assertThat(exchanged.out() + exchanged.err()).doesNotContain(accessKey);
        AccessKeySessionClaims session = verifier.verifySession(jwt);
        assertThat(session.keyId()).isEqualTo(keyId);
        assertThat(session.permissions()).containsExactly("reports:read");
        assertThat(session.tenantRoles("acme")).containsExactly("Reader");
        assertThat(session.customClaims()).containsEntry("team", "platform");

        CliProcess.Result deactivated = cli.run("access-keys", "deactivate", keyId, "--project", projectId);
        assertThat(deactivated.exit()).as(deactivated.toString()).isZero();
        assertThat(deactivated.out()).contains("Deactivated access key reporter").contains("inactive");
        CliProcess.Result refused = exchangeFromStdin(accessKey);
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("request id: ").doesNotContain(accessKey);
    }

    @Test
    void accessKeyFlowWhenJsonThenOneDocumentPerCommandAndErrorDocumentOnRefusal() {
        JsonNode created = cli.run("--json", "access-keys", "create", "--project", projectId, "--name", "ci-json", "--role", "Reader")
                .json();
        String keyId = created.get("key").get("id").asText();
        String accessKey = created.get("cleartext").asText();
        Map<String, String> withKey = Map.of("LATCHKEY_ACCESS_KEY", accessKey);

        CliProcess.Result exchanged = cli.run(withKey, "--json", "access-keys", "exchange", "--project", projectId);
        assertThat(exchanged.exit()).as(exchanged.toString()).isZero();
        JsonNode session = exchanged.json();
        assertThat(session.get("keyId").asText()).isEqualTo(keyId);
        AccessKeySessionClaims claims = verifier.verifySession(session.get("sessionJwt").asText());
        assertThat(claims.expiresAt().getEpochSecond()).isEqualTo(session.get("expiration").asLong());
        assertThat(claims.roles()).containsExactly("Reader");

        assertThat(cli.run("--json", "access-keys", "deactivate", keyId, "--project", projectId).json().get("status").asText())
                .isEqualTo("inactive");
        CliProcess.Result refused = cli.run(withKey, "--json", "access-keys", "exchange", "--project", projectId);
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("\"exitCode\" : 3").contains("\"status\" : 401").doesNotContain(accessKey);

        JsonNode got = cli.run("--json", "access-keys", "get", keyId, "--project", projectId).json();
        assertThat(got.get("status").asText()).isEqualTo("inactive");
        assertThat(got.has("cleartext")).isFalse();
    }

    @Test
    void exchangeWhenTerminalThenKeyPromptedWithoutEchoAndJwtMaskedUnlessReveal() throws Exception {
        String accessKey = cli.run("--json", "access-keys", "create", "--project", projectId, "--name", "terminal").json()
                .get("cleartext").asText();
        String command = CliProcess.command("access-keys", "exchange", "--project", projectId, "--reveal").stream()
                .map(a -> "'" + a.replace("'", "'\"'\"'") + "'").collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
        pb.environment().remove("LATCHKEY_TOKEN");
        pb.environment().putAll(cli.environment());
        pb.environment().put("TERM", "dumb");
        Process p = pb.start();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Thread pump = CliProcess.pump(p.getInputStream(), screen);
        try (OutputStream keyboard = p.getOutputStream()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!screen.toString(StandardCharsets.UTF_8).contains("Access key: ")) {
                assertThat(System.nanoTime()).as("no prompt; the screen shows:\n" + screen).isLessThan(deadline);
                Thread.sleep(20);
            }
            keyboard.write((accessKey + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        pump.join(5000);
        String seen = screen.toString(StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(seen).isZero();
        assertThat(seen).as("the key is read without echo").doesNotContain(accessKey).contains("Session of access key");
        String jwt = seen.lines().filter(l -> l.startsWith("ey")).findFirst().orElseThrow(() -> new AssertionError(seen)).trim();
        assertThat(verifier.verifySession(jwt).projectId()).isEqualTo(projectId);
    }

    private static String lineAfter(String text, String marker) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].contains(marker)) {
                return lines[i + 1].trim();
            }
        }
        throw new AssertionError("no line after '" + marker + "' in:\n" + text);
    }
}
