package io.latchkey.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.latchkey.testkit.TestServer.OWNER_EMAIL;
import static io.latchkey.testkit.TestServer.OWNER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machine identities, secrets, {@code run} and KMS through the {@code latchkey} command line as separate
 * processes against the real server, the way a CI job uses them: an administrator bootstraps, creates an
 * identity, attaches universal auth and mints a client secret; the "CI machine" (its own config folder)
 * logs in with that one credential, sets and reads secrets, runs a command with them and round-trips data
 * through a KMS key. Every output is collected, and the secret value must appear only where it was asked
 * for ({@code --plain}, {@code --reveal}, {@code export}).
 *
 * <p>Runs in the H2 execution only: the commands reach storage through the same server code on both
 * backends (the server's own secrets tests run on both), and each of these some forty processes costs
 * seconds on a busy machine.
 */
@DisabledIfSystemProperty(named = "latchkey.test.backend", matches = "postgres",
        disabledReason = "CLI behaviour does not depend on the storage backend; see the class comment")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsCliProcessTest {
    private static final String VALUE = "pa55-Wörd with spaces & $ymbols";
    private static final String PLAINTEXT = "card 4111 1111 1111 1111";

    private TestServer server;
    private CliProcess admin;
    private CliProcess ci;
    private final List<CliProcess.Result> unasked = new ArrayList<>();
    private String adminToken;
    private String identityId;
    private String clientId;
    private String clientSecret;
    private String project;
    private String kmsProject;

    @BeforeAll
    void start() throws IOException {
        server = TestServer.start();
        admin = new CliProcess();
        ci = new CliProcess();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Runs the CLI with extra environment and the given standard input. */
    private CliProcess.Result run(CliProcess who, Map<String, String> env, String stdin, String... args) {
        // --server first: after "run ... --" every argument belongs to the child.
        List<String> withServer = new ArrayList<>(List.of("--server", server.baseUrl()));
        withServer.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(CliProcess.command(withServer.toArray(String[]::new)));
        pb.environment().remove("LATCHKEY_TOKEN");
        pb.environment().remove("LATCHKEY_CLIENT_ID");
        pb.environment().remove("LATCHKEY_CLIENT_SECRET");
        pb.environment().putAll(who.environment());
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread o = CliProcess.pump(p.getInputStream(), out);
            Thread e = CliProcess.pump(p.getErrorStream(), err);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("latchkey " + String.join(" ", args) + " finished").isTrue();
            o.join();
            e.join();
            return new CliProcess.Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private CliProcess.Result asAdmin(String... args) {
        return ok(run(admin, Map.of("LATCHKEY_TOKEN", adminToken), null, args));
    }

    private CliProcess.Result asCi(String stdin, String... args) {
        return ok(run(ci, Map.of(), stdin, args));
    }

    private static CliProcess.Result ok(CliProcess.Result r) {
        assertThat(r.exit()).as(r.toString()).isZero();
        return r;
    }

    /** Output of a command that did not ask for values: checked at the end for the secret value. */
    private CliProcess.Result unasked(CliProcess.Result r) {
        unasked.add(r);
        return r;
    }

    @Test
    @Order(1)
    void adminWhenBootstrapsAndCreatesIdentityWithUniversalAuthThenClientSecretIsPrintedOnceAlone() throws IOException {
        CliProcess.Result boot = ok(run(admin, Map.of(), null, "bootstrap", "--email", OWNER_EMAIL, "--password", OWNER_PASSWORD,
                "--organization", "Acme", "--no-input"));
        adminToken = lineAfter(boot.out(), "Instance-admin token");

        JsonNode identity = asAdmin("--json", "identity", "create", "--name", "ci-runner", "--role", "member").json();
        identityId = identity.get("id").asText();
        assertThat(identity.get("role").asText()).isEqualTo("member");

        CliProcess.Result attached = asAdmin("identity", "universal-auth", "attach", identityId, "--access-token-ttl", "1h",
                "--access-token-max-ttl", "1d");
        assertThat(attached.out()).contains("Attached universal auth").contains("3600s");
        clientId = asAdmin("--json", "identity", "universal-auth", "get", identityId).json().get("clientId").asText();

        CliProcess.Result minted = asAdmin("identity", "client-secret", "create", identityId, "--description", "ci runner");
        clientSecret = minted.out().trim();
        assertThat(minted.out()).as("the secret alone on stdout").isEqualTo(clientSecret + "\n");
        assertThat(minted.err()).contains("shown this once").doesNotContain(clientSecret);
        CliProcess.Result listed = asAdmin("identity", "client-secret", "list", identityId);
        assertThat(listed.out()).contains("ci runner").contains("active").doesNotContain(clientSecret);
        JsonNode list = asAdmin("--json", "identity", "list").json().get("identities");
        assertThat(list.findValuesAsText("name")).contains("ci-runner");
    }

    @Test
    @Order(2)
    void ciWhenLogsInWithClientSecretFileThenProfileHoldsTheIdentityTokenOnly() throws IOException {
        Path secretFile = ci.configDir().resolve("ci.secret");
        Files.writeString(secretFile, clientSecret + "\n");
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
        CliProcess.Result login = asCi(null, "login", "--client-id", clientId, "--client-secret-file", secretFile.toString());
        assertThat(login.out()).contains("Logged in as machine identity " + identityId);
        assertThat(login.out() + login.err()).doesNotContain(clientSecret);
        assertThat(Files.readString(ci.configDir().resolve("config.json"))).doesNotContain(clientSecret);

        JsonNode whoami = asCi(null, "--json", "whoami").json();
        assertThat(whoami.get("tokenUse").asText()).isEqualTo("identity");
        assertThat(whoami.get("subject").asText()).isEqualTo(identityId);

        CliProcess.Result wrong = run(new CliProcess(), Map.of(), "not-the-secret", "login", "--client-id", clientId,
                "--client-secret-file", "-");
        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(3);
        assertThat(wrong.err()).contains("request id:").doesNotContain("not-the-secret");

        String token = identityToken();
        project = created(server.post("/api/v2/workspace", token, Map.of("projectName", "app")), "project.id");
        kmsProject = created(server.post("/api/v2/workspace", token, Map.of("projectName", "keys", "type", "kms")), "project.id");
    }

    @Test
    @Order(3)
    void ciWhenSetsSecretsThenValuesComeFromStdinAndArgumentsAndAreNeverPrinted() {
        unasked(asCi(VALUE + "\n", "secrets", "set", "DB_PASSWORD", "--project", project, "--env", "prod"));
        CliProcess.Result two = unasked(asCi(null, "secrets", "set", "API_URL=https://api.example.com", "LOG_LEVEL=debug",
                "--project", project, "--env", "prod", "--comment", "from ci"));
        assertThat(two.out()).contains("Created API_URL in prod:/ (version 1)").contains("Created LOG_LEVEL");
        CliProcess.Result again = unasked(asCi(VALUE + "\n", "--json", "secrets", "set", "DB_PASSWORD", "-p", project, "-e", "prod"));
        assertThat(again.json().get("secrets").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(again.json().get("secrets").get(0).has("value")).isFalse();
        unasked(asCi(null, "folder", "create", "db", "-p", project, "-e", "prod"));
        unasked(asCi(null, "secrets", "set", "REPLICA=replica.internal", "-p", project, "-e", "prod", "--path", "/db"));
    }

    @Test
    @Order(4)
    void ciWhenGetsAndListsThenValueOnlyWithPlainOrReveal() {
        CliProcess.Result masked = unasked(asCi(null, "secrets", "get", "DB_PASSWORD", "-p", project, "-e", "prod"));
        assertThat(masked.out()).contains("DB_PASSWORD").contains("***").contains("Version: 2");
        assertThat(asCi(null, "secrets", "get", "DB_PASSWORD", "-p", project, "-e", "prod", "--plain").out()).isEqualTo(VALUE + "\n");
        assertThat(asCi(null, "--json", "secrets", "get", "DB_PASSWORD", "-p", project, "-e", "prod", "--reveal").json()
                .get("value").asText()).isEqualTo(VALUE);

        CliProcess.Result table = unasked(asCi(null, "secrets", "list", "-p", project, "-e", "prod"));
        assertThat(table.out()).contains("NAME").contains("DB_PASSWORD").contains("API_URL").doesNotContain("REPLICA");
        JsonNode all = unasked(asCi(null, "--json", "secrets", "list", "-p", project, "-e", "prod", "--recursive")).json();
        assertThat(all.get("secrets").findValuesAsText("key")).containsExactlyInAnyOrder("DB_PASSWORD", "API_URL", "LOG_LEVEL",
                "REPLICA");
    }

    @Test
    @Order(5)
    void ciWhenExportsThenDotenvAndJsonCarryTheValues() {
        CliProcess.Result dotenv = asCi(null, "secrets", "export", "-p", project, "-e", "prod");
        assertThat(dotenv.out()).contains("DB_PASSWORD='" + VALUE + "'\n").contains("API_URL=https://api.example.com\n");
        JsonNode json = asCi(null, "secrets", "export", "-p", project, "-e", "prod", "--format", "json").json();
        assertThat(json.get("DB_PASSWORD").asText()).isEqualTo(VALUE);
        assertThat(json.get("LOG_LEVEL").asText()).isEqualTo("debug");
    }

    @Test
    @Order(6)
    void runWhenCommandChecksItsEnvironmentThenSeesTheSecretsAndItsExitCodePassesThrough() {
        Map<String, String> expected = Map.of("EXPECTED", VALUE);
        CliProcess.Result r = unasked(run(ci, expected, null, "run", "-p", project, "-e", "prod", "--",
                "sh", "-c", "[ \"$DB_PASSWORD\" = \"$EXPECTED\" ] && echo \"match $API_URL $LOG_LEVEL\"; exit 7"));
        assertThat(r.exit()).as(r.toString()).isEqualTo(7);
        assertThat(r.out()).isEqualTo("match https://api.example.com debug\n");
        assertThat(r.err()).contains("Injecting 3 secrets from prod:/");

        CliProcess.Result killed = run(ci, Map.of(), null, "run", "-p", project, "-e", "prod", "--", "sh", "-c", "kill -TERM $$");
        assertThat(killed.exit()).as("a child ended by SIGTERM: 128 + 15").isEqualTo(143);
        CliProcess.Result missing = run(ci, Map.of(), null, "run", "-p", project, "-e", "prod", "--", "no-such-command-xyz");
        assertThat(missing.exit()).isEqualTo(127);
    }

    @Test
    @Order(7)
    void runWhenCiHasOnlyClientIdAndSecretInItsEnvironmentThenLogsInByItself() throws IOException {
        CliProcess fresh = new CliProcess();
        Map<String, String> env = new HashMap<>(Map.of("LATCHKEY_CLIENT_ID", clientId, "LATCHKEY_CLIENT_SECRET", clientSecret,
                "LATCHKEY_PROJECT", project, "EXPECTED", VALUE));
        CliProcess.Result r = unasked(run(fresh, env, null, "run", "--env", "prod", "--path", "/db", "--",
                "sh", "-c", "echo \"$REPLICA $LOG_LEVEL\""));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).as("the folder's own secret; the root's are not imported").isEqualTo("replica.internal \n");
        assertThat(Files.exists(fresh.configDir().resolve("config.json"))).as("nothing stored").isFalse();
    }

    @Test
    @Order(8)
    void runWhenLatchkeyIsAskedToStopThenTheChildIsAskedToStopToo() throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "-p", project, "-e", "prod", "--server", server.baseUrl(), "--", "sh", "-c",
                "trap 'echo child-got-term; exit 3' TERM; echo ready; while true; do sleep 0.1; done"));
        ProcessBuilder pb = new ProcessBuilder(CliProcess.command(args.toArray(String[]::new)));
        pb.environment().remove("LATCHKEY_TOKEN");
        pb.environment().putAll(ci.environment());
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = CliProcess.pump(p.getInputStream(), out);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliProcess.pump(p.getErrorStream(), err);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString(StandardCharsets.UTF_8).contains("ready") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // SIGTERM to the latchkey JVM; through the handle, because Process.destroy() also closes our end of its
        // output, and we want to read what the child prints when it is asked to stop.
        p.toHandle().destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        pump.join(5000);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("exit " + p.exitValue() + ", stderr: " + err.toString(StandardCharsets.UTF_8))
                .contains("ready").contains("child-got-term");
    }

    @Test
    @Order(9)
    void kmsWhenEncryptThenDecryptThenRoundTripsWithAndWithoutJson() {
        CliProcess.Result created = asCi(null, "kms", "create", "--project", kmsProject, "--name", "payments");
        assertThat(created.out()).contains("Created key payments").contains("aes-256-gcm");
        String ciphertext = asCi(PLAINTEXT, "kms", "encrypt", "payments", "--project", kmsProject).out().trim();
        assertThat(ciphertext).isNotBlank().doesNotContain(PLAINTEXT);
        assertThat(asCi(ciphertext, "kms", "decrypt", "payments", "--project", kmsProject).out()).isEqualTo(PLAINTEXT);

        JsonNode enc = asCi(PLAINTEXT, "--json", "kms", "encrypt", "payments", "-p", kmsProject).json();
        String keyId = enc.get("keyId").asText();
        assertThat(asCi(null, "kms", "rotate", keyId).out()).contains("version 2");
        JsonNode dec = asCi(null, "--json", "kms", "decrypt", keyId, "--ciphertext", enc.get("ciphertext").asText()).json();
        assertThat(new String(java.util.Base64.getDecoder().decode(dec.get("plaintext").asText()), StandardCharsets.UTF_8))
                .as("a ciphertext of version 1 still decrypts after rotation").isEqualTo(PLAINTEXT);

        asCi(null, "kms", "create", "-p", kmsProject, "--name", "signer", "--usage", "sign-verify", "--algorithm", "ECC_NIST_P256");
        String sig = asCi("release 1.0", "kms", "sign", "signer", "-p", kmsProject, "--algorithm", "ECDSA_SHA_256").out().trim();
        assertThat(asCi("release 1.0", "kms", "verify", "signer", "-p", kmsProject, "--algorithm", "ECDSA_SHA_256",
                "--signature", sig).out()).contains("Signature valid");
        CliProcess.Result forged = run(ci, Map.of(), "release 2.0", "kms", "verify", "signer", "-p", kmsProject,
                "--algorithm", "ECDSA_SHA_256", "--signature", sig);
        assertThat(forged.exit()).as("an invalid signature exits 1").isEqualTo(1);
    }

    @Test
    @Order(10)
    void secretsSetWhenTerminalThenPromptsForTheValueWithoutEcho() throws Exception {
        String typed = "typed-on-the-keyboard-42";
        String command = CliProcess.command("secrets", "set", "PROMPTED", "-p", project, "-e", "dev", "--server", server.baseUrl())
                .stream().map(a -> "'" + a.replace("'", "'\"'\"'") + "'").collect(java.util.stream.Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
        pb.environment().remove("LATCHKEY_TOKEN");
        pb.environment().putAll(ci.environment());
        pb.environment().put("TERM", "dumb");
        Process p = pb.start();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Thread pump = CliProcess.pump(p.getInputStream(), screen);
        try (OutputStream keyboard = p.getOutputStream()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!screen.toString(StandardCharsets.UTF_8).contains("Value of PROMPTED: ") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            keyboard.write((typed + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        pump.join(5000);
        String seen = screen.toString(StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(seen).isZero();
        assertThat(seen).contains("Value of PROMPTED: ").contains("Created PROMPTED in dev:/").as("read without echo")
                .doesNotContain(typed);
        assertThat(asCi(null, "secrets", "get", "PROMPTED", "-p", project, "-e", "dev", "--plain").out()).isEqualTo(typed + "\n");
    }

    @Test
    @Order(11)
    void deleteWhenSecretsFolderAndIdentityGoThenTheClientSecretStopsWorking() throws IOException {
        unasked(asCi(null, "secrets", "delete", "LOG_LEVEL", "-p", project, "-e", "prod", "--yes"));
        CliProcess.Result gone = run(ci, Map.of(), null, "secrets", "get", "LOG_LEVEL", "-p", project, "-e", "prod");
        assertThat(gone.exit()).as(gone.toString()).isEqualTo(5);
        unasked(asCi(null, "folder", "delete", "db", "-p", project, "-e", "prod", "--yes"));

        asAdmin("identity", "delete", identityId, "--yes");
        CliProcess.Result refused = run(new CliProcess(), Map.of("LATCHKEY_CLIENT_ID", clientId, "LATCHKEY_CLIENT_SECRET",
                clientSecret), null, "secrets", "list", "-p", project, "-e", "prod");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
    }

    @Test
    @Order(12)
    void outputsWhenValuesWereNotAskedForThenNeverContainTheSecretValueOrClientSecret() {
        assertThat(unasked).hasSizeGreaterThan(10);
        for (CliProcess.Result r : unasked) {
            assertThat(r.out() + r.err()).as(r.toString()).doesNotContain(VALUE).doesNotContain(clientSecret);
        }
        assertThat(server.logs()).doesNotContain(VALUE).doesNotContain(clientSecret);
    }

    private String identityToken() {
        TestResponse r = server.post("/api/v1/auth/universal-auth/login", null, Map.of("clientId", clientId, "clientSecret", clientSecret));
        return created(r, "accessToken");
    }

    private static String created(TestResponse r, String path) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text(path);
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
