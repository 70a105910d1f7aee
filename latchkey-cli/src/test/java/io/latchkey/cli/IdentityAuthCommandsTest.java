package io.latchkey.cli;

import io.latchkey.sdk.JsonCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The token-auth, jwt-auth and oidc-auth commands and the JWT login, in memory against a fake server. */
class IdentityAuthCommandsTest {
    private static final String ADMIN = CliHarness.token("identity", CliHarness.NOW.plusSeconds(3600).getEpochSecond());
    private static final String MINTED = "minted.token-auth.credential";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUifQ.c2lnbmF0dXJl";
    private static final String TOKEN_DATA = "{\"id\":\"t-1\",\"name\":\"deploy\",\"identityId\":\"i-1\",\"accessTokenNumUses\":2,"
            + "\"accessTokenNumUsesLimit\":0,\"isAccessTokenRevoked\":false,\"authMethod\":\"token-auth\","
            + "\"createdAt\":\"2026-01-01T00:00:00Z\"}";
    private static final String JWT_AUTH = "{\"identityJwtAuth\":{\"id\":\"c-1\",\"identityId\":\"i-1\",\"configurationType\":\"static\","
            + "\"jwksUrl\":\"\",\"publicKeys\":[\"PEM\"],\"boundIssuer\":\"https://ci.example\",\"boundAudiences\":\"latchkey\","
            + "\"boundClaims\":{\"env\":\"prod, staging\"},\"boundSubject\":\"deploy-*\",\"claimMetadataMapping\":{},"
            + "\"accessTokenTTL\":900,\"accessTokenMaxTTL\":2592000,\"accessTokenNumUsesLimit\":0,\"accessTokenPeriod\":0,"
            + "\"accessTokenTrustedIps\":[]}}";

    private static String body(io.latchkey.sdk.HttpTransport.Request r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> doc(String json) {
        return JsonCodec.read(json, Map.class);
    }

    private static String login(long expiresIn) {
        String token = CliHarness.token("identity", CliHarness.NOW.plusSeconds(expiresIn).getEpochSecond());
        return "{\"accessToken\":\"" + token + "\",\"expiresIn\":" + expiresIn + ",\"accessTokenMaxTTL\":7200,\"tokenType\":\"Bearer\"}";
    }

    @Test
    void tokenCreateWhenPipedThenTheTokenAloneOnStdoutAndOnlyJsonHoldsItOtherwise() throws Exception {
        CliHarness h = new CliHarness().loggedIn(ADMIN).route("POST /api/v1/auth/token-auth/identities/i-1/tokens", 200,
                "{\"accessToken\":\"" + MINTED + "\",\"expiresIn\":0,\"accessTokenMaxTTL\":0,\"tokenType\":\"Bearer\",\"tokenData\":"
                        + TOKEN_DATA + "}");
        CliHarness.Result r = h.run("identity", "token-auth", "token", "create", "i-1", "--name", "deploy");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(MINTED + "\n");
        assertThat(r.err()).contains("Created token t-1").contains("shown this once").doesNotContain(MINTED);
        assertThat(body(h.requests().get(0))).isEqualTo("{\"name\":\"deploy\"}");
        Map<String, Object> json = doc(h.run("--json", "identity", "token-auth", "token", "create", "i-1").out());
        assertThat(json).containsEntry("accessToken", MINTED).containsKey("tokenData");
    }

    @Test
    void tokenListGetRenameRevokeWhenCalledThenRecordsOnlyAndTheRightPaths() throws Exception {
        CliHarness h = new CliHarness().loggedIn(ADMIN)
                .route("GET /api/v1/auth/token-auth/identities/i-1/tokens", 200, "{\"tokens\":[" + TOKEN_DATA + "]}")
                .route("GET /api/v1/auth/token-auth/tokens/t-1", 200, "{\"token\":" + TOKEN_DATA + "}")
                .route("PATCH /api/v1/auth/token-auth/tokens/t-1", 200, "{\"token\":" + TOKEN_DATA.replace("\"deploy\"", "\"old\"") + "}")
                .route("POST /api/v1/auth/token-auth/tokens/t-1/revoke", 200, "{\"message\":\"Successfully revoked access token\"}");
        CliHarness.Result list = h.run("identity", "token-auth", "token", "list", "i-1");
        assertThat(list.out()).contains("NAME").contains("deploy").contains("2/∞").contains("active");
        assertThat(h.run("identity", "token-auth", "token", "get", "t-1").out()).contains("Uses:").contains("2 of unlimited");
        CliHarness.Result renamed = h.run("identity", "token-auth", "token", "rename", "t-1", "--name", "old");
        assertThat(renamed.out()).isEqualTo("Renamed token t-1 to old.\n");
        assertThat(body(h.requests().get(2))).isEqualTo("{\"name\":\"old\"}");
        assertThat(h.run("identity", "token-auth", "token", "revoke", "t-1").out()).isEqualTo("Revoked token t-1.\n");
        assertThat(h.run("identity", "token-auth", "token", "rename", "t-1").exit()).as("no --name and no terminal").isEqualTo(2);
    }

    @Test
    void tokenAuthAttachAndUpdateWhenFlagsGivenThenSentAndAnEmptyUpdateIsRefused() throws Exception {
        String config = "{\"identityTokenAuth\":{\"id\":\"i-1\",\"identityId\":\"i-1\",\"accessTokenTTL\":604800,"
                + "\"accessTokenMaxTTL\":2592000,\"accessTokenNumUsesLimit\":0,\"accessTokenTrustedIps\":[{\"ipAddress\":\"10.0.0.0\","
                + "\"prefix\":8,\"type\":\"ipv4\"}]}}";
        CliHarness h = new CliHarness().loggedIn(ADMIN).route("POST /api/v1/auth/token-auth/identities/i-1", 200, config)
                .route("DELETE /api/v1/auth/token-auth/identities/i-1", 200, config);
        CliHarness.Result r = h.run("identity", "token-auth", "attach", "i-1", "--access-token-ttl", "7d",
                "--access-token-trusted-ip", "10.0.0.0/8");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(body(h.requests().get(0))).isEqualTo("{\"accessTokenTTL\":604800,\"accessTokenTrustedIps\":[{\"ipAddress\":\"10.0.0.0/8\"}]}");
        assertThat(r.out()).contains("Attached token auth of identity i-1").contains("604800s").contains("10.0.0.0/8");
        CliHarness.Result empty = h.run("identity", "token-auth", "update", "i-1");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("nothing to change");
        assertThat(h.run("identity", "token-auth", "revoke", "i-1", "--no-input").exit()).as("asks unless --yes").isEqualTo(2);
        assertThat(h.run("identity", "token-auth", "revoke", "i-1", "--yes").out()).contains("Revoked token auth");
        assertThat(h.requests()).hasSize(2);
    }

    @Test
    void jwtAuthAttachWhenPemFileAndBindingsThenWireBodyAndFieldsShown() throws Exception {
        Path pem = Files.createTempFile("issuer", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n");
        Files.setPosixFilePermissions(pem, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        CliHarness h = new CliHarness().loggedIn(ADMIN).route("POST /api/v1/auth/jwt-auth/identities/i-1", 200, JWT_AUTH);
        CliHarness.Result r = h.run("identity", "jwt-auth", "attach", "i-1", "--public-key-file", pem.toString(),
                "--bound-issuer", "https://ci.example", "--bound-audience", "latchkey", "--bound-subject", "deploy-*",
                "--bound-claim", "env=prod", "--bound-claim", "env=staging", "--claim-metadata", "team=team",
                "--access-token-ttl", "15m");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(body(h.requests().get(0))).isEqualTo("{\"configurationType\":\"static\",\"publicKeys\":"
                + "[\"-----BEGIN PUBLIC KEY-----\\nMFkw\\n-----END PUBLIC KEY-----\\n\"],\"boundIssuer\":\"https://ci.example\","
                + "\"boundAudiences\":\"latchkey\",\"boundSubject\":\"deploy-*\",\"boundClaims\":{\"env\":\"prod, staging\"},"
                + "\"claimMetadataMapping\":{\"team\":\"team\"},\"accessTokenTTL\":900}");
        assertThat(r.err()).as("a public key may be readable by others").doesNotContain("warning");
        assertThat(r.out()).contains("Attached JWT auth of identity i-1").contains("1 static PEM key(s)")
                .contains("env=prod, staging").contains("900s");
    }

    @Test
    void jwtAuthAndOidcAuthWhenKeySourceMissingOrConflictingThenUsageErrorWithoutRequest() throws Exception {
        CliHarness h = new CliHarness().loggedIn(ADMIN);
        CliHarness.Result none = h.run("identity", "jwt-auth", "attach", "i-1", "--bound-subject", "x");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--public-key-file or --jwks-url");
        Path notPem = Files.createTempFile("issuer", ".txt");
        Files.writeString(notPem, "hello");
        assertThat(h.run("identity", "jwt-auth", "attach", "i-1", "--public-key-file", notPem.toString()).err())
                .contains("is not a PEM public key");
        assertThat(h.run("identity", "jwt-auth", "attach", "i-1", "--public-key-file", notPem.toString(), "--jwks-url",
                "https://x").exit()).isEqualTo(2);
        assertThat(h.run("identity", "oidc-auth", "attach", "i-1").err()).contains("missing --discovery-url");
        assertThat(h.run("identity", "oidc-auth", "update", "i-1", "--bound-claim", "env").err()).contains("must be name=value");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void oidcAuthAttachWhenDiscoveryUrlThenPostedToTheOidcPath() throws Exception {
        String oidc = "{\"identityOidcAuth\":{\"id\":\"c-2\",\"identityId\":\"i-1\",\"oidcDiscoveryUrl\":\"https://token.example\","
                + "\"boundIssuer\":\"\",\"boundAudiences\":\"\",\"boundClaims\":{},\"boundSubject\":\"repo:acme/*\","
                + "\"claimMetadataMapping\":{},\"accessTokenTTL\":2592000,\"accessTokenMaxTTL\":2592000,"
                + "\"accessTokenNumUsesLimit\":0,\"accessTokenPeriod\":0,\"accessTokenTrustedIps\":[]}}";
        CliHarness h = new CliHarness().loggedIn(ADMIN).route("POST /api/v1/auth/oidc-auth/identities/i-1", 200, oidc)
                .route("GET /api/v1/auth/oidc-auth/identities/i-1", 200, oidc);
        CliHarness.Result r = h.run("identity", "oidc-auth", "attach", "i-1", "--discovery-url", "https://token.example",
                "--bound-subject", "repo:acme/*");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(body(h.requests().get(0))).isEqualTo("{\"oidcDiscoveryUrl\":\"https://token.example\",\"boundSubject\":\"repo:acme/*\"}");
        assertThat(r.out()).contains("Discovery URL:").contains("https://token.example").contains("Bound issuer:").contains("any");
        assertThat(doc(h.run("--json", "identity", "oidc-auth", "get", "i-1").out())).containsEntry("boundSubject", "repo:acme/*");
    }

    @Test
    void loginWhenJwtFileThenOidcAuthByDefaultAndTheTokenGoesToTheProfile() throws Exception {
        Path file = Files.createTempFile("job", ".jwt");
        Files.writeString(file, JWT + "\n");
        CliHarness h = new CliHarness().route("POST /api/v1/auth/oidc-auth/login", 200, login(900));
        CliHarness.Result r = h.run("login", "--identity-id", "i-1", "--jwt-file", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Logged in as machine identity i-1 with oidc-auth").contains("2026-01-01 00:15:00Z");
        assertThat(body(h.requests().get(0))).contains("\"identityId\":\"i-1\"").contains("\"jwt\":\"" + JWT + "\"");
        assertThat(h.requests().get(0).header("Authorization")).isNull();
        assertThat(h.profile().token()).isEqualTo(doc(login(900)).get("accessToken"));
        assertThat(r.out() + r.err()).doesNotContain(JWT);
    }

    @Test
    void loginWhenMethodJwtAuthThenJwtFromStdinOrTheVariable() throws Exception {
        CliHarness h = new CliHarness().route("POST /api/v1/auth/jwt-auth/login", 200, login(0)).stdin(JWT + "\n");
        CliHarness.Result piped = h.run("--json", "login", "--identity-id", "i-1", "--method", "jwt-auth", "--jwt-file", "-");
        assertThat(piped.exit()).as(piped.err()).isZero();
        assertThat(doc(piped.out())).containsEntry("method", "jwt-auth").containsEntry("identityId", "i-1")
                .as("a token that does not expire has no expiresAt").doesNotContainKey("expiresAt");
        CliHarness fromEnv = new CliHarness().route("POST /api/v1/auth/jwt-auth/login", 200, login(60)).env("LATCHKEY_JWT", JWT);
        assertThat(fromEnv.run("login", "--identity-id", "i-1", "--method", "JWT-AUTH").exit()).isZero();
        assertThat(body(fromEnv.requests().get(0))).contains(JWT);
    }

    @Test
    void loginWhenServerRefusesTheJwtThenExitCode3WithTheServersMessageAndNoJwtInTheOutput() throws Exception {
        CliHarness h = new CliHarness().env("LATCHKEY_JWT", JWT).route("POST /api/v1/auth/oidc-auth/login", 401,
                "{\"reqId\":\"req-401\",\"statusCode\":401,\"message\":\"the JWT was not accepted for this identity\","
                        + "\"error\":\"UnauthorizedError\"}");
        CliHarness.Result r = h.run("login", "--identity-id", "i-1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("latchkey: error: the JWT was not accepted for this identity").contains("request id:")
                .doesNotContain(JWT).doesNotContain("at io.latchkey");
        assertThat(r.out()).isEmpty();
        assertThat(h.requests()).as("a refused login is not retried").hasSize(1);
        assertThat(h.profile().token()).isNull();
    }

    @Test
    void loginWhenJwtMalformedOrOptionsWrongThenUsageErrorWithoutRequestOrEcho() throws Exception {
        Path wrong = Files.createTempFile("not", ".jwt");
        Files.writeString(wrong, "-----BEGIN PRIVATE KEY-----\nTOPSECRET\n-----END PRIVATE KEY-----\n");
        CliHarness h = new CliHarness();
        CliHarness.Result bad = h.run("login", "--identity-id", "i-1", "--jwt-file", wrong.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("is not a signed JWT in compact form").doesNotContain("TOPSECRET");
        Path empty = Files.createTempFile("empty", ".jwt");
        assertThat(h.run("login", "--identity-id", "i-1", "--jwt-file", empty.toString()).err()).contains("is empty");
        assertThat(h.run("login", "--jwt-file", empty.toString()).err()).contains("--jwt-file needs --identity-id");
        assertThat(h.run("login", "--identity-id", "i-1", "--method", "aws-auth").err()).contains("--method must be oidc-auth or jwt-auth");
        assertThat(h.run("login", "--identity-id", "i-1", "--client-id", "c").exit()).isEqualTo(2);
        CliHarness.Result noInput = h.run("--no-input", "login", "--identity-id", "i-1");
        assertThat(noInput.exit()).isEqualTo(2);
        assertThat(noInput.err()).contains("--jwt-file (or LATCHKEY_JWT)");
        assertThat(h.requests()).isEmpty();
    }

    @Test
    void loginWhenTerminalAndNoFileThenJwtIsPromptedWithoutEcho() throws Exception {
        CliHarness h = new CliHarness().terminal(JWT).route("POST /api/v1/auth/oidc-auth/login", 200, login(60));
        assertThat(h.run("login", "--identity-id", "i-1").exit()).isZero();
        assertThat(h.prompts()).containsExactly("secret:JWT: ");
    }

    @Test
    void loginWhenTokenFileThenAnIdentityTokenIsStoredWithoutARequestAndOtherKindsAreRefused() throws Exception {
        String identity = CliHarness.token("identity", CliHarness.NOW.plusSeconds(60).getEpochSecond());
        CliHarness h = new CliHarness().stdin(identity + "\n");
        CliHarness.Result r = h.run("login", "--token-file", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Stored the token of machine identity u-1").contains("not checked with the server")
                .doesNotContain(identity);
        assertThat(h.profile().token()).isEqualTo(identity);
        assertThat(h.requests()).isEmpty();

        Path user = Files.createTempFile("user", ".token");
        Files.writeString(user, CliHarness.token("user", CliHarness.NOW.plusSeconds(60).getEpochSecond()));
        assertThat(h.run("login", "--token-file", user.toString()).err()).contains("is not a machine identity token (it is a user token)");
        Path expired = Files.createTempFile("expired", ".token");
        Files.writeString(expired, CliHarness.token("identity", CliHarness.NOW.minusSeconds(1).getEpochSecond()));
        assertThat(h.run("login", "--token-file", expired.toString()).exit()).isEqualTo(3);
        Path garbage = Files.createTempFile("garbage", ".token");
        Files.writeString(garbage, "TOPSECRET");
        CliHarness.Result bad = h.run("login", "--token-file", garbage.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("is not a Latchkey token").doesNotContain("TOPSECRET");
        assertThat(h.run("login", "--token-file", garbage.toString(), "--identity-id", "i-1").exit()).isEqualTo(2);
        assertThat(h.profile().token()).as("refusals leave the stored token alone").isEqualTo(identity);
    }
}
