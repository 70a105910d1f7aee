package io.latchkey.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.latchkey.testkit.TestServer.OWNER_EMAIL;
import static io.latchkey.testkit.TestServer.OWNER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code latchkey} command line as a separate process against the real server. One server for the
 * class: the first test bootstraps it through the CLI exactly as a newcomer would, the others build on
 * that instance, and the last one tampers with the audit log. Each process costs about a second, so
 * behaviour that needs neither a real server nor a real process (network failures, the JSON error
 * document, whoami, logout, confirmations) is tested in memory by latchkey-cli's own tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliProcessTest {
    private TestServer server;
    private CliProcess cli;
    private String adminToken;

    @BeforeAll
    void start() throws IOException {
        server = TestServer.start();
        cli = new CliProcess();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void newcomerFlowWhenBootstrapLoginAndUsersThenWorksWithAndWithoutJson() {
        CliProcess.Result boot = cli.run("bootstrap", "--server", server.baseUrl(), "--email", OWNER_EMAIL,
                "--password", OWNER_PASSWORD, "--organization", "Acme", "--no-input");
        assertThat(boot.exit()).as(boot.toString()).isZero();
        adminToken = lineAfter(boot.out(), "Instance-admin token");
        assertThat(boot.out().split(adminToken, -1)).as("the admin token is shown exactly once").hasSize(2);
        assertThat(boot.err()).contains("store this token in a secret manager");
        assertThat(server.get("/iam/v1/audit/verify", adminToken).status()).isEqualTo(200);

        CliProcess.Result login = cli.run("login", "--email", OWNER_EMAIL, "--password", OWNER_PASSWORD);
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.out()).contains("Logged in as " + OWNER_EMAIL + " on " + server.baseUrl());

        CliProcess.Result created = cli.run("user", "create", "--email", "dev@example.com", "--password", "dev password 1",
                "--display-name", "Dev One");
        assertThat(created.exit()).as(created.toString()).isZero();
        assertThat(created.out()).contains("Created user dev@example.com");
        JsonNode ci = cli.run("--json", "user", "create", "--email", "ci@example.com", "--password", "ci password 12").json();
        assertThat(ci.get("email").asText()).isEqualTo("ci@example.com");

        CliProcess.Result table = cli.run("user", "list");
        assertThat(table.out()).contains("EMAIL").contains(OWNER_EMAIL).contains("dev@example.com").contains("Dev One");
        JsonNode users = cli.run("user", "list", "--json").json().get("users");
        assertThat(users).hasSize(3);
        JsonNode got = cli.run("--json", "user", "get", ci.get("id").asText()).json();
        assertThat(got.get("email").asText()).isEqualTo("ci@example.com");

        CliProcess.Result verify = cli.run("audit", "verify");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("Audit chain intact");
        assertThat(String.join("\n", boot.err(), login.out(), login.err(), table.out())).doesNotContain(OWNER_PASSWORD);
    }

    @Test
    @Order(2)
    void loginWhenWrongPasswordThenExit3WithServerMessageAndRequestId() throws IOException {
        CliProcess other = new CliProcess();
        CliProcess.Result r = other.run("login", "--server", server.baseUrl(), "--email", OWNER_EMAIL, "--password", "not it");
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("invalid email or password").doesNotContain("not it");
        String requestId = lineAfter(r.err(), "latchkey: error").replace("request id:", "").trim();
        assertThat(server.logs()).as("the request id is the one the server logged").contains(requestId);
    }

    @Test
    @Order(3)
    void userGetWhenUnknownThenExit5WithServerMessage() {
        Map<String, String> env = Map.of("LATCHKEY_TOKEN", server.login(OWNER_EMAIL, OWNER_PASSWORD));
        CliProcess.Result text = cli.run(env, "user", "get", "no-such-user", "--server", server.baseUrl());
        assertThat(text.exit()).as(text.toString()).isEqualTo(5);
        assertThat(text.err()).contains("user not found").contains("request id: ");
    }

    @Test
    @Order(4)
    void loginWhenTerminalThenPromptsAndPasswordIsNotEchoed() throws Exception {
        CliProcess fresh = new CliProcess();
        String command = CliProcess.command("login", "--server", server.baseUrl()).stream()
                .map(CliProcessTest::shellQuote).collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
        pb.environment().remove("LATCHKEY_TOKEN");
        pb.environment().putAll(fresh.environment());
        pb.environment().put("TERM", "dumb");
        Process p = pb.start();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Thread pump = CliProcess.pump(p.getInputStream(), screen);
        try (OutputStream keyboard = p.getOutputStream()) {
            waitFor(screen, "Email: ");
            keyboard.write((OWNER_EMAIL + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            waitFor(screen, "Password: ");
            keyboard.write((OWNER_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        pump.join(5000);
        String seen = screen.toString(StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(seen).isZero();
        assertThat(seen).contains("Email: " + OWNER_EMAIL).as("the terminal echoes the email").contains("Password: ")
                .contains("Logged in as " + OWNER_EMAIL);
        assertThat(seen).as("the password is read without echo").doesNotContain(OWNER_PASSWORD);
    }

    @Test
    @Order(99)
    void auditVerifyWhenRowTamperedThenExit9NamingFirstBrokenEvent() throws Exception {
        server.get("/iam/v1/audit", adminToken); // writes queued authentication events
        try (Connection c = server.database().connect(); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE audit_events SET actor_id = 'mallory' WHERE seq = 2")).isEqualTo(1);
        }
        CliProcess.Result text = cli.run(Map.of("LATCHKEY_TOKEN", adminToken), "audit", "verify", "--server", server.baseUrl());
        assertThat(text.exit()).as(text.toString()).isEqualTo(9);
        assertThat(text.out()).contains("Audit chain BROKEN at event #2");
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

    private static void waitFor(ByteArrayOutputStream screen, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!screen.toString(StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' on the terminal; it shows:\n" + screen.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

}
