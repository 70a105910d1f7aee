package io.latchkey.cli;

import io.latchkey.sdk.JsonCodec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTest {
    private static final String USER_TOKEN = CliHarness.token("user", CliHarness.NOW.plusSeconds(3600).getEpochSecond());
    private static final String USERS = "{\"users\":[{\"id\":\"u-1\",\"email\":\"owner@example.com\",\"status\":\"active\","
            + "\"superAdmin\":true,\"createdAt\":\"2026-01-01T00:00:00Z\"}],\"lastEvaluatedKey\":null}";
    private static final String NOT_FOUND = "{\"name\":\"NotFoundError\",\"message\":\"Not found: user nope.\",\"traceId\":\"req-404\","
            + "\"code\":\"not_found\",\"details\":[{\"issue\":\"user not found\"}]}";

    @Test
    void userListWhenJsonThenExactlyOneDocumentOnStdoutAndNothingElse() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("GET /iam/v1/users", 200, USERS);
        CliHarness.Result r = h.run("user", "list", "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        Map<String, Object> doc = doc(r.out());
        assertThat(doc.keySet()).containsExactly("users");
        assertThat(h.requests().get(0).header("Authorization")).isEqualTo("Bearer " + USER_TOKEN);
    }

    @Test
    void userListWhenTextThenTableWithHeaders() throws Exception {
        CliHarness.Result r = new CliHarness().loggedIn(USER_TOKEN).route("GET /iam/v1/users", 200, USERS).run("user", "list");
        assertThat(r.out()).startsWith("ID   EMAIL").contains("owner@example.com").doesNotContain("\u001b[");
    }

    @Test
    void userGetWhenNotFoundThenExit5MessageAndRequestIdOnStderr() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("GET /iam/v1/users/nope", 404, NOT_FOUND);
        CliHarness.Result r = h.run("user", "get", "nope");
        assertThat(r.exit()).isEqualTo(5);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("latchkey: error: user not found").contains("request id: req-404");

        CliHarness.Result json = h.run("--json", "user", "get", "nope");
        assertThat(json.out()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) doc(json.err()).get("error");
        assertThat(error).containsEntry("exitCode", 5).containsEntry("status", 404).containsEntry("code", "not_found")
                .containsEntry("requestId", "req-404").containsEntry("message", "user not found");
    }

    @Test
    void userListWhenNotLoggedInThenExit3WithHintAndNoRequest() throws Exception {
        CliHarness h = new CliHarness();
        CliHarness.Result r = h.run("user", "list");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("not logged in to " + CliHarness.SERVER).contains("hint: run: latchkey login");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void userListWhenOtherServerGivenThenStoredTokenNeverSentThere() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN);
        CliHarness.Result r = h.run("user", "list", "--server", "http://127.0.0.1:9999");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void userListWhenLatchkeyTokenSetThenItOverridesTheProfile() throws Exception {
        String other = CliHarness.token("identity", CliHarness.NOW.plusSeconds(60).getEpochSecond());
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).env("LATCHKEY_TOKEN", other).route("GET /iam/v1/users", 200, USERS);
        assertThat(h.run("user", "list").exit()).isZero();
        assertThat(h.requests().get(0).header("Authorization")).isEqualTo("Bearer " + other);
    }

    @Test
    void loginWhenTerminalThenPromptsEmailAndSecretPasswordAndStoresToken() throws Exception {
        CliHarness h = new CliHarness().terminal("owner@example.com", "a long passphrase")
                .route("POST /iam/v1/login", 200, "{\"accessToken\":\"" + USER_TOKEN + "\",\"expiresIn\":3600,\"tokenType\":\"Bearer\"}");
        CliHarness.Result r = h.run("login");
        assertThat(r.exit()).isZero();
        assertThat(h.prompts()).containsExactly("line:Email: ", "secret:Password: ");
        assertThat(r.out()).contains(" as owner@example.com").contains("2026-01-01 01:00:00Z").doesNotContain(USER_TOKEN);
        assertThat(h.profile()).isEqualTo(new Profile(CliHarness.SERVER, USER_TOKEN, null));
        assertThat(new String(h.requests().get(0).body())).contains("a long passphrase");
    }

    @Test
    void outputWhenTerminalThenColoredUnlessNoColorFlagOrVariable() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).terminal().route("GET /iam/v1/users", 200, USERS);
        assertThat(h.run("user", "list").out()).as("a terminal gets colors").contains("\u001b[1mID");
        assertThat(h.run("user", "list", "--no-color").out()).doesNotContain("\u001b[");
        assertThat(h.env("NO_COLOR", "1").run("user", "list").out()).doesNotContain("\u001b[");
    }

    @Test
    void loginWhenNoInputAndPasswordMissingThenExit2WithoutRequest() throws Exception {
        CliHarness h = new CliHarness().terminal();
        CliHarness.Result r = h.run("login", "--email", "owner@example.com", "--no-input");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing --password (--no-input forbids prompting)");
        assertThat(h.requests()).isEmpty();
        assertThat(h.prompts()).isEmpty();
    }

    @Test
    void loginWhenWrongPasswordThenExit3AndNothingStored() throws Exception {
        CliHarness h = new CliHarness().route("POST /iam/v1/login", 403, "{\"name\":\"UnauthorizedError\",\"message\":\"Unauthorized\","
                + "\"code\":\"credentials_invalid\",\"details\":[{\"issue\":\"invalid email or password\"}]}");
        CliHarness.Result r = h.run("login", "--email", "a@example.com", "--password", "wrong");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("invalid email or password").contains("request id: req-403").doesNotContain("wrong");
        assertThat(h.profile().token()).isNull();
    }

    @Test
    void bootstrapWhenTextThenTokenPrintedOnceWithWarningAndServerRemembered() throws Exception {
        String body = "{\"message\":\"Successfully bootstrapped instance\",\"user\":{\"id\":\"u-1\",\"email\":\"owner@example.com\"},"
                + "\"organization\":{\"id\":\"o-1\",\"name\":\"Acme\"},\"identity\":{\"id\":\"i-1\",\"name\":\"instance-admin\","
                + "\"credentials\":{\"token\":\"ADMIN-TOKEN\"}}}";
        CliHarness h = new CliHarness().route("POST /api/v1/admin/bootstrap", 200, body);
        CliHarness.Result r = h.run("bootstrap", "--email", "owner@example.com", "--password", "pw", "--organization", "Acme");
        assertThat(r.exit()).isZero();
        assertThat(r.out().split("ADMIN-TOKEN", -1)).hasSize(2);
        assertThat(r.err()).contains("warning: store this token in a secret manager now");
        assertThat(h.profile().server()).isEqualTo(CliHarness.SERVER);
        assertThat(h.profile().token()).as("the admin token is not stored").isNull();

        CliHarness.Result json = h.run("--json", "bootstrap", "--email", "owner@example.com", "--password", "pw", "--organization", "Acme");
        assertThat(doc(json.out())).containsKeys("message", "user", "organization", "identity");
        assertThat(json.out()).contains("ADMIN-TOKEN");
    }

    @Test
    void bootstrapWhenTerminalThenAsksPasswordTwiceAndRefusesMismatch() throws Exception {
        CliHarness h = new CliHarness().terminal("owner@example.com", "Acme", "first try", "second try");
        CliHarness.Result r = h.run("bootstrap");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the two entries differ");
        assertThat(h.prompts()).containsExactly("line:Owner email: ", "line:Organization: ", "secret:Owner password: ",
                "secret:Repeat owner password: ");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void keysRotateWhenConfirmationDeclinedThenNoRequestAndWhenAcceptedThenRotatesWithWarning() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).terminal("n", "y")
                .route("POST /iam/v1/admin/keys/rotate", 200, "{\"keys\":[{\"kid\":\"k2\",\"algorithm\":\"ES256\",\"status\":\"active\"}]}");
        CliHarness.Result declined = h.run("keys", "rotate");
        assertThat(declined.exit()).isEqualTo(1);
        assertThat(h.requests()).isEmpty();
        assertThat(declined.err()).contains("keys[0]");

        CliHarness.Result accepted = h.run("keys", "rotate");
        assertThat(accepted.exit()).isZero();
        assertThat(accepted.out()).contains("Rotated").contains("k2");
        assertThat(new String(h.requests().get(0).body())).isEqualTo("{\"algorithm\":\"ES256\"}");
    }

    @Test
    void keysRotateWhenNoInputWithoutYesThenExit2() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).terminal("y");
        assertThat(h.run("keys", "rotate", "--algorithm", "RS256", "--no-input").exit()).isEqualTo(2);
        assertThat(h.requests()).isEmpty();
        assertThat(h.run("keys", "rotate", "--algorithm", "HS256").exit()).as("picocli rejects the value").isEqualTo(2);
    }

    @Test
    void auditVerifyWhenBrokenThenExit9NamingFirstBrokenEvent() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("GET /iam/v1/audit/verify", 200,
                "{\"valid\":false,\"eventsChecked\":7,\"firstBrokenSeq\":3,\"problem\":\"event 3 was altered\"}");
        CliHarness.Result r = h.run("audit", "verify");
        assertThat(r.exit()).isEqualTo(9);
        assertThat(r.out()).contains("BROKEN at event #3: event 3 was altered");
        CliHarness.Result json = h.run("audit", "verify", "--json");
        assertThat(json.exit()).isEqualTo(9);
        assertThat(doc(json.out())).containsEntry("firstBrokenSeq", 3).containsEntry("valid", false);
    }

    @Test
    void anyCommandWhenServerUnreachableThenExit8WithHint() throws Exception {
        CliHarness.Result r = new CliHarness().loggedIn(USER_TOKEN).run("audit", "list");
        assertThat(r.exit()).isEqualTo(8);
        assertThat(r.err()).contains("could not reach " + CliHarness.SERVER).contains("is a Latchkey server running at");
    }

    @Test
    void whoamiWhenLoggedInThenDecodedClaimsMarkedUnverified() throws Exception {
        CliHarness.Result r = new CliHarness().loggedIn(USER_TOKEN).run("whoami", "--json");
        Map<String, Object> doc = doc(r.out());
        assertThat(doc).containsEntry("subject", "u-1").containsEntry("tokenUse", "user").containsEntry("orgId", "o-1")
                .containsEntry("expired", false).containsEntry("verified", false);
        assertThat(r.out()).doesNotContain(USER_TOKEN);
    }

    @Test
    void logoutWhenLoggedInThenTokenRevokedAndForgottenButServerKept() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN).route("POST /iam/v1/logout", 204, "");
        Map<String, Object> doc = doc(h.run("logout", "--json").out());
        assertThat(doc).containsEntry("loggedOut", true).containsEntry("revoked", true);
        assertThat(h.requests()).singleElement().satisfies(r ->
                assertThat(r.headers()).containsEntry("Authorization", "Bearer " + USER_TOKEN));
        assertThat(h.profile()).isEqualTo(new Profile(CliHarness.SERVER, null, null));
    }

    @Test
    void logoutWhenServerUnreachableThenTokenForgottenAndNotRevokedSaid() throws Exception {
        CliHarness h = new CliHarness().loggedIn(USER_TOKEN);
        CliHarness.Result r = h.run("logout");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Logged out").contains("not revoked");
        assertThat(h.profile()).isEqualTo(new Profile(CliHarness.SERVER, null, null));
    }

    @Test
    void everyCommandWhenHelpRequestedThenShowsExamplesAndRootShowsExitCodes() throws Exception {
        CliHarness h = new CliHarness();
        for (List<String> path : commandPaths(LatchkeyCommand.commandLine(
                new CliEnvironment(Map.of(), h.configDir, new java.io.PrintWriter(new java.io.StringWriter()),
                        new java.io.PrintWriter(new java.io.StringWriter()), Prompter.NONE, null, java.time.Clock.systemUTC())),
                new ArrayList<>())) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliHarness.Result r = h.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", path)).isZero();
            assertThat(r.out()).as(String.join(" ", path)).contains("Examples:").contains("--json").contains("--no-input");
        }
        assertThat(h.run("--help").out()).contains("Exit codes:").contains(" 9  audit verify: the audit chain is broken");
    }

    @Test
    void completionWhenBashOrZshThenScript() throws Exception {
        CliHarness h = new CliHarness();
        assertThat(h.run("completion", "bash").out()).contains("complete -F").contains("bootstrap");
        assertThat(h.run("completion", "zsh").out()).startsWith("#compdef latchkey\n");
        assertThat(h.run("completion", "fish").exit()).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> doc(String json) {
        return JsonCodec.read(json, Map.class);
    }

    private static List<List<String>> commandPaths(CommandLine cli, List<String> prefix) {
        List<List<String>> out = new ArrayList<>();
        cli.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            out.add(p);
            out.addAll(commandPaths(sub, p));
        });
        return out;
    }
}
