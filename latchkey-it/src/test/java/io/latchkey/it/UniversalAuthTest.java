package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static io.latchkey.it.SecretsApi.error;
import static io.latchkey.it.SecretsApi.ips;
import static io.latchkey.it.SecretsApi.map;
import static io.latchkey.it.SecretsApi.ok;
import static io.latchkey.it.SecretsApi.uaPath;
import static io.latchkey.it.SecretsApi.validationNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Universal auth end to end (specs/infisical.md section 3.1): configuration with the spec's defaults,
 * client secrets, login (A1), renew (A2), revoke (A3), use limits, trusted addresses, lockout and the
 * per-address throttle. The server believes X-Forwarded-For from loopback so tests can speak from several
 * addresses.
 */
class UniversalAuthTest {
    static TestServer server;
    static SecretsApi api;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("trusted-proxies", "127.0.0.1"));
        api = new SecretsApi(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestResponse postFrom(String ip, String path, String token, Object body) {
        try {
            String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
            return server.send(server.request(path, token).header("X-Forwarded-For", ip)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static TestResponse getFrom(String ip, String path, String token) {
        return server.send(server.request(path, token).header("X-Forwarded-For", ip).GET().build());
    }

    static TestResponse use(String token) {
        return server.get("/api/v1/workspace", token);
    }

    @Test
    void attachWhenNoSettingsThenSpecDefaults() {
        String id = api.createIdentity(api.adminToken, "defaults", "no-access");
        JsonNode ua = ok(server.post(uaPath(id), api.adminToken, Map.of())).json().get("identityUniversalAuth");
        assertThat(ua.get("accessTokenTTL").asLong()).isEqualTo(2_592_000L);
        assertThat(ua.get("accessTokenMaxTTL").asLong()).isEqualTo(2_592_000L);
        assertThat(ua.get("accessTokenNumUsesLimit").asLong()).isZero();
        assertThat(ua.get("clientSecretTrustedIps").toString()).contains("0.0.0.0").contains("::");
        assertThat(ua.get("lockoutEnabled").asBoolean()).isTrue();
        assertThat(ua.get("lockoutThreshold").asInt()).isEqualTo(3);
        assertThat(ua.get("lockoutDurationSeconds").asInt()).isEqualTo(300);
        assertThat(ua.get("lockoutCounterResetSeconds").asInt()).isEqualTo(30);
        assertThat(ua.get("clientId").asText()).isNotBlank();
        error(server.post(uaPath(id), api.adminToken, Map.of()), 400, "BadRequest");
        assertThat(ok(server.get(uaPath(id), api.adminToken)).text("identityUniversalAuth.clientId"))
                .isEqualTo(ua.get("clientId").asText());
        assertThat(ok(server.get("/api/v1/identities/" + id, api.adminToken)).json().get("identity").get("identity")
                .get("authMethods").toString()).contains("universal-auth");
    }

    @Test
    void loginWhenValidThenBearerTokenOfTheSpecShape() {
        String[] i = api.loggedInIdentity("login-ok", "member", Map.of("accessTokenTTL", 600, "accessTokenMaxTTL", 3600));
        TestResponse again = ok(api.login(i[1], i[2]));
        assertThat(again.json().get("expiresIn").asLong()).isEqualTo(600);
        assertThat(again.json().get("accessTokenMaxTTL").asLong()).isEqualTo(3600);
        assertThat(again.text("tokenType")).isEqualTo("Bearer");
        assertThat(again.header("Cache-Control")).isEqualTo("no-store");
        JsonNode claims = SecretsApi.claims(i[3]);
        assertThat(claims.get("sub").asText()).isEqualTo(i[0]);
        assertThat(claims.get("token_use").asText()).isEqualTo("identity");
        assertThat(claims.get("auth_method").asText()).isEqualTo("universal-auth");
        assertThat(claims.has("checks")).as("an unrestricted token needs no per-request storage check").isFalse();
        assertThat(ok(use(i[3])).json().get("workspaces").isArray()).isTrue();
    }

    @Test
    void loginWhenSecretWrongOrClientUnknownThen401() {
        String[] i = api.loggedInIdentity("login-bad", "no-access", Map.of("lockoutEnabled", false));
        error(api.login(i[1], i[2] + "x"), 401, "UnauthorizedError");
        error(api.login("00000000-0000-0000-0000-000000000000", i[2]), 401, "UnauthorizedError");
        validationNames(server.post("/api/v1/auth/universal-auth/login", null, Map.of("clientId", i[1])), "clientSecret");
    }

    @Test
    void renewWhenCalledThenNewJwtForTheSameSessionAndOldOneKeepsWorking() throws Exception {
        String[] i = api.loggedInIdentity("renew", "no-access", Map.of("accessTokenTTL", 60, "accessTokenMaxTTL", 3600));
        Thread.sleep(1100); // iat has second precision: let the renewal's exp be visibly later
        TestResponse renewed = ok(server.post("/api/v1/auth/token/renew", null, Map.of("accessToken", i[3])));
        String fresh = renewed.text("accessToken");
        assertThat(renewed.json().get("expiresIn").asLong()).isEqualTo(60);
        assertThat(fresh).isNotEqualTo(i[3]);
        JsonNode before = SecretsApi.claims(i[3]);
        JsonNode after = SecretsApi.claims(fresh);
        assertThat(after.get("jti").asText()).isEqualTo(before.get("jti").asText());
        assertThat(after.get("exp").asLong()).isGreaterThan(before.get("exp").asLong());
        ok(use(i[3]));
        ok(use(fresh));

        ok(server.post("/api/v1/auth/token/revoke", null, Map.of("accessToken", fresh)));
        error(use(i[3]), 401, "UnauthorizedError");
        error(use(fresh), 401, "UnauthorizedError");
        error(server.post("/api/v1/auth/token/renew", null, Map.of("accessToken", i[3])), 401, "UnauthorizedError");
        error(server.post("/api/v1/auth/token/revoke", null, Map.of("accessToken", i[3])), 401, "UnauthorizedError");
    }

    @Test
    void renewWhenItWouldPassMaxTtlThen401AndPeriodicTokensRenewWithoutMax() {
        String[] capped = api.loggedInIdentity("capped", "no-access", Map.of("accessTokenTTL", 60, "accessTokenMaxTTL", 60));
        error(server.post("/api/v1/auth/token/renew", null, Map.of("accessToken", capped[3])), 401, "UnauthorizedError");
        ok(use(capped[3]));

        String[] periodic = api.loggedInIdentity("periodic", "no-access",
                Map.of("accessTokenTTL", 60, "accessTokenMaxTTL", 60, "accessTokenPeriod", 120));
        assertThat(ok(api.login(periodic[1], periodic[2])).json().get("expiresIn").asLong()).isEqualTo(120);
        TestResponse r = ok(server.post("/api/v1/auth/token/renew", null, Map.of("accessToken", periodic[3])));
        assertThat(r.json().get("expiresIn").asLong()).isEqualTo(120);
    }

    @Test
    void clientSecretWhenUsesExhaustedRevokedOrExpiredThen401() throws Exception {
        String id = api.createIdentity(api.adminToken, "secrets", "no-access");
        String clientId = api.attachUniversalAuth(api.adminToken, id, Map.of("lockoutEnabled", false));
        String[] once = api.createClientSecret(api.adminToken, id, Map.of("numUsesLimit", 1, "description", "ci"));
        String[] revoked = api.createClientSecret(api.adminToken, id, Map.of());
        String[] shortLived = api.createClientSecret(api.adminToken, id, Map.of("ttl", 1));
        ok(api.login(clientId, once[0]));
        error(api.login(clientId, once[0]), 401, "UnauthorizedError");

        JsonNode data = ok(server.post(uaPath(id) + "/client-secrets/" + revoked[1] + "/revoke", api.adminToken, Map.of()))
                .json().get("clientSecretData");
        assertThat(data.get("isClientSecretRevoked").asBoolean()).isTrue();
        error(api.login(clientId, revoked[0]), 401, "UnauthorizedError");

        Thread.sleep(1100);
        error(api.login(clientId, shortLived[0]), 401, "UnauthorizedError");

        JsonNode list = ok(server.get(uaPath(id) + "/client-secrets", api.adminToken)).json().get("clientSecretData");
        assertThat(list).hasSize(3);
        JsonNode first = ok(server.get(uaPath(id) + "/client-secrets/" + once[1], api.adminToken)).json().get("clientSecretData");
        assertThat(first.get("clientSecretNumUses").asLong()).isEqualTo(1);
        assertThat(first.get("clientSecretNumUsesLimit").asLong()).isEqualTo(1);
        assertThat(first.get("description").asText()).isEqualTo("ci");
        assertThat(once[0]).startsWith(first.get("clientSecretPrefix").asText());
        assertThat(list.toString()).doesNotContain(once[0]);
    }

    @Test
    void loginWhenThreeFailuresThenClientIdLockedOutWith401() {
        String[] i = api.loggedInIdentity("lockout", "no-access", Map.of());
        String[] other = api.loggedInIdentity("not-locked", "no-access", Map.of());
        for (int n = 0; n < 3; n++) {
            error(api.login(i[1], "wrong secret " + n), 401, "UnauthorizedError");
        }
        JsonNode locked = error(api.login(i[1], i[2]), 401, "UnauthorizedError");
        assertThat(locked.get("message").asText()).contains("locked out");
        ok(api.login(other[1], other[2]));
    }

    @Test
    void accessTokenWhenUseLimitReachedThenRefusedOnEveryRequest() {
        String[] i = api.loggedInIdentity("uses", "no-access", Map.of("accessTokenNumUsesLimit", 2));
        assertThat(SecretsApi.claims(i[3]).get("checks").toString()).contains("uses");
        ok(use(i[3]));
        ok(use(i[3]));
        JsonNode body = error(use(i[3]), 401, "UnauthorizedError");
        assertThat(body.get("message").asText()).contains("use limit");
        error(server.post("/api/v1/auth/token/renew", null, Map.of("accessToken", i[3])), 400, "BadRequest");
    }

    @Test
    void trustedAddressesWhenCallerOutsideThenRefused() {
        String id = api.createIdentity(api.adminToken, "ips", "no-access");
        String clientId = api.attachUniversalAuth(api.adminToken, id, Map.of("lockoutEnabled", false,
                "clientSecretTrustedIps", ips("10.9.0.0/16"), "accessTokenTrustedIps", ips("10.1.0.0/16", "2001:db8::/32")));
        String secret = api.createClientSecret(api.adminToken, id, Map.of())[0];
        Map<String, String> creds = Map.of("clientId", clientId, "clientSecret", secret);
        error(postFrom("10.8.1.1", "/api/v1/auth/universal-auth/login", null, creds), 401, "UnauthorizedError");
        String token = ok(postFrom("10.9.1.1", "/api/v1/auth/universal-auth/login", null, creds)).text("accessToken");
        assertThat(SecretsApi.claims(token).get("checks").toString()).contains("source_ip");
        ok(getFrom("10.1.2.3", "/api/v1/workspace", token));
        ok(getFrom("2001:db8::7", "/api/v1/workspace", token));
        error(getFrom("10.2.0.1", "/api/v1/workspace", token), 403, "PermissionDenied");
    }

    @Test
    void loginWhenManyFailuresFromOneAddressThen429WithRetryAfterAndAudited() {
        String[] i = api.loggedInIdentity("throttled", "no-access", Map.of("lockoutEnabled", false));
        Map<String, String> wrong = Map.of("clientId", i[1], "clientSecret", "not it");
        for (int n = 0; n < 50; n++) {
            error(postFrom("10.66.0.1", "/api/v1/auth/universal-auth/login", null, wrong), 401, "UnauthorizedError");
        }
        TestResponse throttled = postFrom("10.66.0.1", "/api/v1/auth/universal-auth/login", null,
                Map.of("clientId", i[1], "clientSecret", i[2]));
        error(throttled, 429, "RateLimitExceeded");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        ok(postFrom("10.66.0.2", "/api/v1/auth/universal-auth/login", null, Map.of("clientId", i[1], "clientSecret", i[2])));

        JsonNode events = ok(server.get("/iam/v1/audit?action=identity.login&limit=500", api.adminToken)).json().get("events");
        List<String> seen = new java.util.ArrayList<>();
        for (JsonNode e : events) {
            seen.add(e.get("outcome").asText() + "@" + e.get("sourceIp").asText());
        }
        assertThat(seen).contains("failure@10.66.0.1", "denied@10.66.0.1", "success@10.66.0.2");
        assertThat(events.toString()).doesNotContain(i[2]);
    }

    @Test
    void settingsWhenNumbersOutOfRangeThen422NamingTheField() {
        String id = api.createIdentity(api.adminToken, "bad-input", "no-access");
        validationNames(server.post(uaPath(id), api.adminToken, Map.of("accessTokenTTL", -1)), "accessTokenTTL");
        validationNames(server.post(uaPath(id), api.adminToken, Map.of("accessTokenTTL", 1_000_000_000_000L)), "accessTokenTTL");
        validationNames(server.post(uaPath(id), api.adminToken, "{\"accessTokenTTL\": 100000000000000000000000000000}"),
                "accessTokenTTL");
        validationNames(server.post(uaPath(id), api.adminToken, Map.of("accessTokenTTL", 600, "accessTokenMaxTTL", 60)),
                "accessTokenMaxTTL");
        validationNames(server.post(uaPath(id), api.adminToken, Map.of("accessTokenNumUsesLimit", -5)), "accessTokenNumUsesLimit");
        validationNames(server.post(uaPath(id), api.adminToken, Map.of("lockoutThreshold", 0)), "lockoutThreshold");
        validationNames(server.post(uaPath(id), api.adminToken, Map.of("accessTokenTTL", "60")), "accessTokenTTL");
        validationNames(server.post(uaPath(id), api.adminToken, Map.of("clientSecretTrustedIps", ips("10.0.0.0/33"))),
                "clientSecretTrustedIps[0]");
        validationNames(server.post(uaPath(id), api.adminToken, Map.of("accessTokenTrustedIps", ips("example.com"))),
                "accessTokenTrustedIps[0]");
        ok(server.post(uaPath(id), api.adminToken, Map.of()));
        validationNames(server.post(uaPath(id) + "/client-secrets", api.adminToken, Map.of("numUsesLimit", -1)), "numUsesLimit");
        validationNames(server.post(uaPath(id) + "/client-secrets", api.adminToken, Map.of("ttl", 99_999_999_999L)), "ttl");
        validationNames(server.patch(uaPath(id), api.adminToken, Map.of("accessTokenMaxTTL", 5)), "accessTokenMaxTTL");
    }

    @Test
    void revokeConfigurationWhenDoneThenTokensAndSecretsStopWorking() {
        String[] i = api.loggedInIdentity("detach", "no-access", Map.of());
        JsonNode patched = ok(server.patch(uaPath(i[0]), api.adminToken, map("accessTokenTTL", 120)))
                .json().get("identityUniversalAuth");
        assertThat(patched.get("accessTokenTTL").asLong()).isEqualTo(120);
        assertThat(patched.get("clientId").asText()).isEqualTo(i[1]);
        ok(server.delete(uaPath(i[0]), api.adminToken));
        error(use(i[3]), 401, "UnauthorizedError");
        error(api.login(i[1], i[2]), 401, "UnauthorizedError");
        error(server.get(uaPath(i[0]), api.adminToken), 404, "NotFound");
    }
}
