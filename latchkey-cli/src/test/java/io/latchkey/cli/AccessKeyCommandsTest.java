package io.latchkey.cli;

import io.latchkey.sdk.JsonCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The access-key commands in memory: flags to requests, project resolution, secrets shown once, exit codes. */
class AccessKeyCommandsTest {
    private static final String USER_TOKEN = CliHarness.token("user", CliHarness.NOW.plusSeconds(3600).getEpochSecond());
    private static final String PROJECT = "P" + "e".repeat(27);
    private static final String BASE = "/iam/v1/projects/" + PROJECT;
    private static final String SECRET = "ak-cleartext-0123456789";
    private static final String KEY = "{\"id\":\"K1\",\"name\":\"ci\",\"roleNames\":[\"Reader\"],\"keyTenants\":[{\"tenantId\":\"acme\","
            + "\"tenantName\":\"Acme\",\"roleNames\":[\"Reader\",\"Writer\"]}],\"status\":\"active\",\"createdTime\":1767225600,"
            + "\"expireTime\":0,\"clientId\":\"K1\",\"customClaims\":{\"team\":\"platform\"},\"permittedIps\":[]}";
    private static final String CREATED = "{\"key\":" + KEY + ",\"cleartext\":\"" + SECRET + "\"}";
    private static final String JWT = CliHarness.token("access_key", CliHarness.NOW.plusSeconds(600).getEpochSecond());

    private static String body(CliHarness h) {
        return new String(h.requests().get(h.requests().size() - 1).body(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> doc(String json) {
        return JsonCodec.read(json, Map.class);
    }

    @Test
    void createWhenFlagsGivenThenWireBodyAndSecretPrintedExactlyOnce() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("POST " + BASE + "/access-keys", 200, CREATED);
        CliHarness.Result r = h.run("access-keys", "create", "--project", PROJECT, "--name", "ci", "--role", "Reader",
                "--tenant", "acme:Reader,Writer", "--claim", "team=platform", "--claim", "level=3", "--permitted-ip", "10.0.0.0/8",
                "--expires", "90d");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(body(h)).isEqualTo("{\"name\":\"ci\",\"expireTime\":" + CliHarness.NOW.plusSeconds(90 * 86400).getEpochSecond()
                + ",\"roleNames\":[\"Reader\"],\"keyTenants\":[{\"tenantId\":\"acme\",\"roleNames\":[\"Reader\",\"Writer\"]}],"
                + "\"customClaims\":{\"team\":\"platform\",\"level\":3},\"permittedIps\":[\"10.0.0.0/8\"]}");
        assertThat(r.out().split(SECRET, -1)).as("the value is shown exactly once").hasSize(2);
        assertThat(r.out()).contains("Created access key ci (K1)").contains("acme (Reader, Writer)");
        assertThat(r.err()).contains("only time the key's value is shown").doesNotContain(SECRET);
        assertThat(h.requests().get(0).header("Authorization")).isEqualTo("Bearer " + USER_TOKEN);
    }

    @Test
    void createWhenJsonThenOneDocumentWithKeyAndCleartext() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("POST " + BASE + "/access-keys", 200, CREATED);
        CliHarness.Result r = h.run("--json", "access-keys", "create", "--project", PROJECT, "--name", "ci");
        assertThat(r.exit()).isZero();
        Map<String, Object> doc = doc(r.out());
        assertThat(doc.keySet()).containsExactly("key", "cleartext");
        assertThat(doc.get("cleartext")).isEqualTo(SECRET);
    }

    @Test
    void commandsWhenNoProjectGivenThenExit2WithHintAndNoRequest() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN);
        CliHarness.Result r = h.run("access-keys", "list");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no project given").contains("--project");
        CliHarness.Result malformed = h.run("roles", "list", "--project", "P1:x");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("projectId must be P followed by 27");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void commandsWhenProfileSelectsProjectOrVariableSetThenUsedAsDefault() throws Exception {
        CliHarness h = new CliHarness().route("GET " + BASE + "/access-keys", 200, "{\"keys\":[" + KEY + "]}");
        new ConfigStore(h.configDir).save(CliConfig.empty().with("default", new Profile(CliHarness.SERVER, USER_TOKEN, PROJECT)));
        CliHarness.Result r = h.run("access-keys", "list");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ID  NAME").contains("K1").contains("Reader").contains("acme").contains("never");

        String other = "P" + "f".repeat(27);
        h.route("GET /iam/v1/projects/" + other + "/access-keys", 200, "{\"keys\":[]}");
        assertThat(h.env(ProjectCommand.PROJECT_VARIABLE, other).run("access-keys", "list").out()).contains("No access keys.");
    }

    @Test
    void exchangeWhenKeyInVariableThenNoLoginNeededJwtAloneOnStdoutAndKeyNeverPrinted() throws Exception {
        CliHarness h = new CliHarness().env(AccessKeysCommand.KEY_VARIABLE, SECRET).route("POST /v1/auth/accesskey/exchange", 200,
                "{\"keyId\":\"K1\",\"sessionJwt\":\"" + JWT + "\",\"expiration\":" + CliHarness.NOW.plusSeconds(600).getEpochSecond() + "}");
        CliHarness.Result r = h.run("access-keys", "exchange", "--project", PROJECT, "--claim", "job=nightly", "--tenant", "acme");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(JWT + System.lineSeparator());
        assertThat(r.err()).contains("Session of access key K1").contains("2026-01-01 00:10:00Z");
        assertThat(r.out() + r.err()).doesNotContain(SECRET);
        assertThat(h.requests().get(0).header("Authorization")).isEqualTo("Bearer " + PROJECT + ":" + SECRET);
        assertThat(body(h)).isEqualTo("{\"loginOptions\":{\"customClaims\":{\"job\":\"nightly\"},\"selectedTenant\":\"acme\"}}");

        Map<String, Object> doc = doc(h.run("--json", "access-keys", "exchange", "--project", PROJECT).out());
        assertThat(doc.keySet()).containsExactly("projectId", "keyId", "sessionJwt", "expiration", "expiresAt");
        assertThat(doc.get("sessionJwt")).isEqualTo(JWT);
    }

    @Test
    void exchangeWhenTerminalThenPromptsForKeyWithoutEchoAndMasksJwtUnlessReveal() throws Exception {
        CliHarness h = new CliHarness().terminal(SECRET, SECRET).route("POST /v1/auth/accesskey/exchange", 200,
                "{\"keyId\":\"K1\",\"sessionJwt\":\"" + JWT + "\",\"expiration\":1767226200}");
        CliHarness.Result r = h.run("access-keys", "exchange", "--project", PROJECT);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(h.prompts()).containsExactly("secret:Access key: ");
        assertThat(h.requests().get(0).header("Authorization")).isEqualTo("Bearer " + PROJECT + ":" + SECRET);
        assertThat(r.out()).doesNotContain(JWT).contains("characters, hidden");
        assertThat(r.err()).contains("--reveal");

        CliHarness.Result revealed = h.run("access-keys", "exchange", "--project", PROJECT, "--reveal");
        assertThat(revealed.out()).isEqualTo(JWT + System.lineSeparator());
    }

    @Test
    void exchangeWhenNoInputAndNoKeyThenExit2WithoutRequest() throws Exception {
        CliHarness h = new CliHarness().terminal();
        CliHarness.Result r = h.run("access-keys", "exchange", "--project", PROJECT, "--no-input");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--no-input forbids prompting");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void exchangeWhenKeyGivenAsFlagThenWarnsAboutShellHistory() throws Exception {
        CliHarness h = new CliHarness().route("POST /v1/auth/accesskey/exchange", 200,
                "{\"keyId\":\"K1\",\"sessionJwt\":\"" + JWT + "\",\"expiration\":1767226200}");
        CliHarness.Result r = h.run("access-keys", "exchange", "--project", PROJECT, "--access-key", SECRET);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("shell history").doesNotContain(SECRET);
    }

    @Test
    void exchangeWhenKeyDeactivatedThenExit3WithServerMessage() throws Exception {
        CliHarness h = new CliHarness().env(AccessKeysCommand.KEY_VARIABLE, SECRET).route("POST /v1/auth/accesskey/exchange", 401,
                "{\"errorCode\":\"E011101\",\"errorDescription\":\"credentials_invalid\",\"errorMessage\":\"the access key is not active\","
                        + "\"message\":\"the access key is not active\",\"traceId\":\"req-401\"}");
        CliHarness.Result r = h.run("access-keys", "exchange", "--project", PROJECT);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("the access key is not active").contains("request id: req-401").doesNotContain(SECRET);
    }

    @Test
    void updateWhenFlagsGivenThenOnlyThoseMembersSentAndWhenNoneThenExit2() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("PATCH " + BASE + "/access-keys/K1", 200, "{\"key\":" + KEY + "}");
        CliHarness.Result r = h.run("access-keys", "update", "K1", "--project", PROJECT, "--name", "nightly", "--clear-permitted-ips",
                "--role", "Reader", "--role", "Writer");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(body(h)).isEqualTo("{\"name\":\"nightly\",\"roleNames\":[\"Reader\",\"Writer\"],\"permittedIps\":[]}");
        assertThat(h.run("access-keys", "update", "K1", "--project", PROJECT).exit()).isEqualTo(2);
        assertThat(h.run("access-keys", "update", "K1", "--project", PROJECT, "--role", "A", "--clear-roles").exit()).isEqualTo(2);
        assertThat(h.requests()).hasSize(1);
    }

    @Test
    void deleteWhenNoInputWithoutYesThenExit2AndWithYesThenDeletes() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("DELETE " + BASE + "/access-keys/K1", 204, "");
        assertThat(h.run("access-keys", "delete", "K1", "--project", PROJECT, "--no-input").exit()).isEqualTo(2);
        assertThat(h.requests()).isEmpty();
        CliHarness.Result r = h.run("--json", "access-keys", "delete", "K1", "--project", PROJECT, "--yes");
        assertThat(r.exit()).isZero();
        assertThat(doc(r.out())).containsEntry("id", "K1").containsEntry("deleted", true);
    }

    @Test
    void createWhenExpiryOrClaimMalformedThenExit2NamingTheOption() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN);
        CliHarness.Result r = h.run("access-keys", "create", "--project", PROJECT, "--name", "ci", "--expires", "soon");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--expires soon");
        assertThat(h.run("access-keys", "create", "--project", PROJECT, "--name", "ci", "--expires", "2020-01-01T00:00:00Z").err())
                .contains("must be in the future");
        assertThat(h.run("access-keys", "create", "--project", PROJECT, "--name", "ci", "--claim", "novalue").err())
                .contains("--claim novalue: expected name=value");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void managementKeyCreateWhenExpiresGivenThenLifetimeInSecondsAndValueShownOnce() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("POST " + BASE + "/management-keys", 200,
                "{\"key\":{\"id\":\"M1\",\"projectId\":\"" + PROJECT + "\",\"name\":\"ci\",\"status\":\"active\","
                        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"expiresAt\":\"2026-01-31T00:00:00Z\"},\"cleartext\":\"mk-secret-value\"}");
        CliHarness.Result r = h.run("management-keys", "create", "--project", PROJECT, "--name", "ci", "--expires", "30d");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(body(h)).isEqualTo("{\"name\":\"ci\",\"expiresIn\":2592000}");
        assertThat(r.out().split("mk-secret-value", -1)).hasSize(2);
        assertThat(r.out()).contains("2026-01-31 00:00:00Z");
        assertThat(r.err()).contains("Bearer " + PROJECT + ":<managementKey>");
    }

    @Test
    void catalogCommandsWhenUsedThenNativePathsAndJsonDocuments() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN)
                .route("POST " + BASE + "/roles", 200, "{\"name\":\"Reader\",\"permissionNames\":[\"reports:read\"]}")
                .route("GET " + BASE + "/permissions", 200, "{\"permissions\":[{\"name\":\"reports:read\"}]}")
                .route("POST " + BASE + "/tenants", 200, "{\"id\":\"acme\",\"name\":\"Acme\",\"customAttributes\":{\"region\":\"eu\"}}")
                .route("DELETE " + BASE + "/tenants/acme", 204, "");
        assertThat(h.run("roles", "create", "--project", PROJECT, "--name", "Reader", "--permission", "reports:read").out())
                .contains("Created role Reader with reports:read.");
        assertThat(body(h)).isEqualTo("{\"name\":\"Reader\",\"permissionNames\":[\"reports:read\"]}");
        assertThat(doc(h.run("--json", "permissions", "list", "--project", PROJECT).out())).containsKey("permissions");
        assertThat(h.run("tenants", "create", "--project", PROJECT, "--id", "acme", "--name", "Acme", "--attribute", "region=eu").out())
                .contains("Created tenant Acme (acme)");
        assertThat(body(h)).isEqualTo("{\"id\":\"acme\",\"name\":\"Acme\",\"customAttributes\":{\"region\":\"eu\"}}");
        assertThat(h.run("tenants", "delete", "acme", "--project", PROJECT).exit()).isZero();
    }
}
