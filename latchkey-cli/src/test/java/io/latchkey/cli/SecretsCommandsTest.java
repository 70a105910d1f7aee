package io.latchkey.cli;

import io.latchkey.sdk.JsonCodec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity, secrets, folder and kms commands in memory against a fake server. */
class SecretsCommandsTest {
    private static final String IDENTITY_TOKEN = CliHarness.token("identity", CliHarness.NOW.plusSeconds(3600).getEpochSecond());
    private static final String VALUE = "s3cr3t-value-xyz";
    private static final String SECRET = "{\"id\":\"s-1\",\"workspace\":\"P1\",\"environment\":\"prod\",\"secretKey\":\"DB_PASSWORD\","
            + "\"secretValue\":\"" + VALUE + "\",\"secretValueHidden\":false,\"secretPath\":\"/db\",\"type\":\"shared\",\"version\":2,"
            + "\"updatedAt\":\"2026-01-01T00:00:00Z\"}";
    private static final String LIST = "{\"secrets\":[" + SECRET + "]}";

    private static String body(io.latchkey.sdk.HttpTransport.Request r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> doc(String json) {
        return JsonCodec.read(json, Map.class);
    }

    @Test
    void secretsListWhenNoRevealThenValueNeverPrintedInTextOrJson() throws Exception {
        CliHarness h = new CliHarness().loggedIn(IDENTITY_TOKEN).route("GET /api/v3/secrets/raw", 200, LIST);
        CliHarness.Result text = h.run("secrets", "list", "--project", "P1", "--env", "prod", "--path", "/db");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("DB_PASSWORD").contains("***").doesNotContain(VALUE);
        assertThat(h.requests().get(0).uri().getRawQuery()).contains("viewSecretValue=false");
        CliHarness.Result json = h.run("--json", "secrets", "list", "--project", "P1", "--env", "prod");
        assertThat(json.out()).doesNotContain(VALUE);
        assertThat(doc(json.out()).keySet()).containsExactly("secrets");

        CliHarness.Result revealed = h.run("secrets", "list", "--project", "P1", "--env", "prod", "--reveal");
        assertThat(revealed.out()).contains(VALUE);
    }

    @Test
    void secretsGetWhenPlainThenOnlyTheValueElseMasked() throws Exception {
        CliHarness h = new CliHarness().loggedIn(IDENTITY_TOKEN).route("GET /api/v3/secrets/raw/DB_PASSWORD", 200,
                "{\"secret\":" + SECRET + "}");
        CliHarness.Result masked = h.run("secrets", "get", "DB_PASSWORD", "-p", "P1", "-e", "prod", "--path", "/db");
        assertThat(masked.out()).contains("DB_PASSWORD").contains("***").doesNotContain(VALUE);
        assertThat(doc(h.run("--json", "secrets", "get", "DB_PASSWORD", "-p", "P1").out())).doesNotContainKey("value");
        assertThat(h.run("secrets", "get", "DB_PASSWORD", "-p", "P1", "--plain").out()).isEqualTo(VALUE + "\n");
        assertThat(doc(h.run("--json", "secrets", "get", "DB_PASSWORD", "-p", "P1", "--reveal").out()))
                .containsEntry("value", VALUE).containsEntry("version", 2);
    }

    @Test
    void secretsSetWhenBareNameAndPipedValueThenReadsStdinAndNeverEchoesIt() throws Exception {
        CliHarness h = new CliHarness().loggedIn(IDENTITY_TOKEN).stdin(VALUE + "\n")
                .route("PATCH /api/v3/secrets/batch/raw", 200, "{\"secrets\":[" + SECRET.replace("\"version\":2", "\"version\":1") + "]}");
        CliHarness.Result r = h.run("secrets", "set", "DB_PASSWORD", "-p", "P1", "-e", "prod", "--path", "/db");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Created DB_PASSWORD in prod:/db (version 1).\n");
        assertThat(r.err()).doesNotContain(VALUE);
        assertThat(body(h.requests().get(0))).contains("\"secretValue\":\"" + VALUE + "\"").contains("\"mode\":\"upsert\"")
                .contains("\"secretPath\":\"/db\"");
    }

    @Test
    void secretsSetWhenInvalidNameOrTwoBareNamesThenUsageErrorAndNoRequest() throws Exception {
        CliHarness h = new CliHarness().loggedIn(IDENTITY_TOKEN);
        assertThat(h.run("secrets", "set", "BAD.NAME=x", "-p", "P1").exit()).isEqualTo(2);
        CliHarness.Result two = h.run("secrets", "set", "A", "B", "-p", "P1");
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).contains("only one bare NAME");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void secretsWhenNoProjectAnywhereThenUsageErrorWithHint() throws Exception {
        CliHarness h = new CliHarness().loggedIn(IDENTITY_TOKEN);
        CliHarness.Result r = h.run("secrets", "list");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no project given").contains("LATCHKEY_PROJECT");
        assertThat(new CliHarness().loggedIn(IDENTITY_TOKEN).env("LATCHKEY_PROJECT", "P9")
                .route("GET /api/v3/secrets/raw", 200, "{\"secrets\":[]}").run("secrets", "list").out()).contains("No secrets in dev:/");
    }

    @Test
    void exportWhenDotenvThenValuesQuotedSoParsersReadThemBack() {
        assertThat(SecretsCommand.Export.dotenvValue("plain_value-1")).isEqualTo("plain_value-1");
        assertThat(SecretsCommand.Export.dotenvValue("has space $HOME")).isEqualTo("'has space $HOME'");
        assertThat(SecretsCommand.Export.dotenvValue("it's\nmulti \"q\"")).isEqualTo("\"it's\\nmulti \\\"q\\\"\"");
        assertThat(SecretsCommand.Export.dotenv(new java.util.LinkedHashMap<>(Map.of("A", "1")))).isEqualTo("A=1\n");
    }

    @Test
    void exportWhenOutputFileThenWrittenOwnerOnlyAndStdoutEmpty() throws Exception {
        CliHarness h = new CliHarness().loggedIn(IDENTITY_TOKEN).route("GET /api/v3/secrets/raw", 200, LIST);
        Path file = h.configDir.getParent().resolve("out.env");
        CliHarness.Result r = h.run("secrets", "export", "-p", "P1", "-e", "prod", "--output", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("DB_PASSWORD=" + VALUE + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(h.requests().get(0).uri().getRawQuery()).contains("include_imports=true");
        assertThat(doc(h.run("secrets", "export", "-p", "P1", "--format", "json").out())).containsEntry("DB_PASSWORD", VALUE);
    }

    @Test
    void loginWhenClientIdAndSecretOnStdinThenStoresIdentityTokenAndNeverPrintsSecret() throws Exception {
        String token = CliHarness.token("identity", CliHarness.NOW.plusSeconds(7200).getEpochSecond());
        CliHarness h = new CliHarness().stdin("cs-secret-123\n").route("POST /api/v1/auth/universal-auth/login", 200,
                "{\"accessToken\":\"" + token + "\",\"expiresIn\":7200,\"accessTokenMaxTTL\":86400,\"tokenType\":\"Bearer\"}");
        CliHarness.Result r = h.run("login", "--client-id", "client-1", "--client-secret-file", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Logged in as machine identity u-1").doesNotContain("cs-secret-123");
        assertThat(doc(body(h.requests().get(0)))).isEqualTo(Map.of("clientId", "client-1", "clientSecret", "cs-secret-123"));
        assertThat(h.profile().token()).isEqualTo(token);
        assertThat(Files.readString(h.configDir.resolve("config.json"))).doesNotContain("cs-secret-123");
    }

    @Test
    void loginWhenClientIdButNoSecretSourceAndNoTerminalThenUsageError() throws Exception {
        CliHarness h = new CliHarness();
        CliHarness.Result r = h.run("login", "--client-id", "client-1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--client-secret-file");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void anyCommandWhenClientIdAndSecretInEnvironmentThenLogsInByItselfAndStoresNothing() throws Exception {
        String token = CliHarness.token("identity", CliHarness.NOW.plusSeconds(7200).getEpochSecond());
        CliHarness h = new CliHarness().env("LATCHKEY_CLIENT_ID", "client-1").env("LATCHKEY_CLIENT_SECRET", "cs-env-secret")
                .route("POST /api/v1/auth/universal-auth/login", 200, "{\"accessToken\":\"" + token + "\",\"expiresIn\":7200}")
                .route("GET /api/v3/secrets/raw", 200, LIST);
        CliHarness.Result r = h.run("secrets", "list", "-p", "P1", "-e", "prod");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(h.requests().get(1).header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(Files.exists(h.configDir.resolve("config.json"))).isFalse();
    }

    @Test
    void clientSecretCreateWhenTextThenSecretAloneOnStdoutDetailsOnStderr() throws Exception {
        CliHarness h = new CliHarness().loggedIn(IDENTITY_TOKEN).route(
                "POST /api/v1/auth/universal-auth/identities/i-1/client-secrets", 200,
                "{\"clientSecret\":\"cs-once\",\"clientSecretData\":{\"id\":\"c-1\",\"clientSecretPrefix\":\"cs-o\"}}");
        CliHarness.Result r = h.run("identity", "client-secret", "create", "i-1", "--ttl", "1d", "--num-uses", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("cs-once\n");
        assertThat(r.err()).contains("shown this once").doesNotContain("cs-once");
        assertThat(body(h.requests().get(0))).isEqualTo("{\"numUsesLimit\":3,\"ttl\":86400}");
    }

    @Test
    void universalAuthAttachWhenFlagsThenWireMembersAndBadDurationIsUsageError() throws Exception {
        CliHarness h = new CliHarness().loggedIn(IDENTITY_TOKEN).route("POST /api/v1/auth/universal-auth/identities/i-1", 200,
                "{\"identityUniversalAuth\":{\"clientId\":\"client-1\",\"identityId\":\"i-1\",\"accessTokenTTL\":3600}}");
        CliHarness.Result r = h.run("identity", "universal-auth", "attach", "i-1", "--access-token-ttl", "1h",
                "--client-secret-trusted-ip", "10.0.0.0/8", "--no-lockout");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("client-1");
        assertThat(body(h.requests().get(0))).isEqualTo("{\"accessTokenTTL\":3600,\"clientSecretTrustedIps\":"
                + "[{\"ipAddress\":\"10.0.0.0/8\"}],\"lockoutEnabled\":false}");
        assertThat(h.run("identity", "universal-auth", "attach", "i-1", "--access-token-ttl", "soon").exit()).isEqualTo(2);
    }

    @Test
    void identityCreateWhenNoOrganizationFlagThenTakenFromTheToken() throws Exception {
        CliHarness h = new CliHarness().loggedIn(IDENTITY_TOKEN).route("POST /api/v1/identities", 200,
                "{\"identity\":{\"id\":\"i-1\",\"name\":\"ci\",\"orgId\":\"o-1\",\"authMethods\":[]}}");
        CliHarness.Result r = h.run("--json", "identity", "create", "--name", "ci", "--role", "member");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(body(h.requests().get(0))).isEqualTo("{\"name\":\"ci\",\"role\":\"member\",\"organizationId\":\"o-1\"}");
        assertThat(doc(r.out())).containsEntry("id", "i-1").containsEntry("role", "member");
    }

    @Test
    void kmsVerifyWhenSignatureInvalidThenExit1() throws Exception {
        String key = "0b9e2c3d-1111-2222-3333-444455556666";
        CliHarness h = new CliHarness().loggedIn(IDENTITY_TOKEN).stdin("data")
                .route("POST /api/v1/kms/keys/" + key + "/verify", 200, "{\"signatureValid\":false}");
        CliHarness.Result r = h.run("kms", "verify", key, "--algorithm", "ECDSA_SHA_256", "--signature", "AAAA");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("NOT valid");
        assertThat(body(h.requests().get(0))).contains("\"data\":\"ZGF0YQ==\"");
    }

    @Test
    void helpWhenAnyNewCommandThenShowsExamples() {
        CommandLine root = LatchkeyCommand.commandLine(CliEnvironment.system());
        List<String> missing = new ArrayList<>();
        for (String name : List.of("identity", "secrets", "folder", "run", "kms", "login")) {
            collect(root.getSubcommands().get(name), missing);
        }
        assertThat(missing).as("commands whose --help has no examples").isEmpty();
    }

    private static void collect(CommandLine c, List<String> missing) {
        if (!String.join("\n", c.getCommandSpec().usageMessage().footer()).contains("Examples:")) {
            missing.add(c.getCommandSpec().qualifiedName());
        }
        c.getSubcommands().values().forEach(sub -> collect(sub, missing));
    }
}
