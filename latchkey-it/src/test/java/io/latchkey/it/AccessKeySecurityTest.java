package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.ManagedProjects;
import io.latchkey.testkit.ManagedProjects.ManagedProject;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input and attacks on the access-key dialect: malformed Authorization headers, keys of other projects,
 * expired and inactive credentials, reserved custom claims, permitted addresses, lockouts, forged and
 * tampered session JWTs, and secrets at rest. The server trusts 127.0.0.1 as a proxy, so tests choose their
 * source address with X-Forwarded-For and lockouts of one test do not reach the others.
 */
class AccessKeySecurityTest {
    static TestServer server;
    static String owner;
    static ManagedProject a;
    static ManagedProject b;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("trusted-proxies", "127.0.0.1"));
        server.bootstrap();
        owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        a = ManagedProjects.create(server, owner, "project a");
        b = ManagedProjects.create(server, owner, "project b");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestResponse call(String method, String path, String authorization, String from, String body) {
        var r = server.request(path, null).header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        if (from != null) {
            r.header("X-Forwarded-For", from);
        }
        return server.send(r.build());
    }

    static TestResponse exchange(String bearer, String from) {
        return call("POST", "/v1/auth/accesskey/exchange", "Bearer " + bearer, from, "{}");
    }

    static JsonNode createKey(ManagedProject p, Map<String, Object> body) {
        TestResponse r = server.post("/v1/mgmt/accesskey/create", p.bearer(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static void assertEnvelope(TestResponse r, int status, String errorCode, String description) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.text("errorCode")).isEqualTo(errorCode);
        assertThat(r.text("errorMessage")).isNotBlank();
        if (description != null) {
            assertThat(r.text("errorDescription")).isEqualTo(description);
        }
    }

    /** Audit events of an action with the given cause (the audit list flushes queued events first). */
    static List<JsonNode> audited(String action, String cause) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : server.get("/iam/v1/audit?limit=500&action=" + action, owner).json().get("events")) {
            if (cause == null || cause.equals(e.path("details").path("cause").asText())) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void malformedAuthorizationWhenExchangingOrManagingThen401EnvelopeAndAudited() {
        String cleartext = createKey(a, Map.of("name", "k", "expireTime", 0)).get("cleartext").asText();
        List<String> malformed = List.of("Bearer", "Bearer " + a.id(), "Bearer " + a.id() + ":", "Basic " + a.id() + ":x",
                "Bearer :" + cleartext, "Bearer P:" + cleartext, "Bearer " + a.id() + ":" + cleartext + ":x:y",
                "Bearer P12:" + a.id().substring(3) + ":" + cleartext);
        for (String h : malformed) {
            assertEnvelope(call("POST", "/v1/auth/accesskey/exchange", h, "10.0.1.1", "{}"), 401, "E011101", null);
            assertEnvelope(call("POST", "/v1/mgmt/accesskey/search", h, "10.0.1.2", "{}"), 401, "E011101", null);
        }
        assertEnvelope(call("POST", "/v1/auth/accesskey/exchange", null, "10.0.1.1", "{}"), 401, "E011101",
                "credentials_missing");
        assertEnvelope(call("POST", "/v1/mgmt/accesskey/search", "Bearer " + a.bearer() + ":extra", "10.0.1.2", "{}"),
                401, "E011101", "credentials_invalid");
        assertThat(audited("auth.accesskey_exchange", "malformed_credential").size()).isGreaterThanOrEqualTo(5);
        assertThat(audited("auth.management_key", "malformed_credential").size()).isGreaterThanOrEqualTo(5);
        assertThat(exchange(a.id() + ":" + cleartext, "10.0.1.3").status()).as("the real key still works").isEqualTo(200);
    }

    @Test
    void otherProjectWhenItsKeysAreUsedThenAnswersRevealNothing() {
        JsonNode key = createKey(a, Map.of("name", "a-key", "expireTime", 0));
        String id = key.get("key").get("id").asText();
        String cleartext = key.get("cleartext").asText();

        TestResponse foreign = exchange(b.id() + ":" + cleartext, "10.0.2.1");
        TestResponse unknown = exchange(b.id() + ":lka_" + "x".repeat(43), "10.0.2.1");
        assertEnvelope(foreign, 401, "E011101", "credentials_invalid");
        assertThat(foreign.text("errorMessage")).isEqualTo(unknown.text("errorMessage"));

        assertEnvelope(call("POST", "/v1/mgmt/accesskey/search", "Bearer " + a.id() + ":" + b.managementKey(), "10.0.2.2",
                "{}"), 401, "E011101", "credentials_invalid");
        TestResponse foreignId = server.get("/v1/mgmt/accesskey?id=" + id, b.bearer());
        TestResponse unknownId = server.get("/v1/mgmt/accesskey?id=K" + "0".repeat(27), b.bearer());
        assertEnvelope(foreignId, 404, "E011103", null);
        assertThat(foreignId.text("errorMessage")).isEqualTo(unknownId.text("errorMessage"));
        assertThat(foreignId.body().replace(id, "ID").replaceAll("\"traceId\":\"[^\"]*\"", ""))
                .isEqualTo(unknownId.body().replace("K" + "0".repeat(27), "ID").replaceAll("\"traceId\":\"[^\"]*\"", ""));
        assertThat(server.post("/v1/mgmt/accesskey/search", b.bearer(), Map.of()).body()).doesNotContain(id);
        assertEnvelope(server.post("/v1/mgmt/accesskey/delete", b.bearer(), Map.of("id", id)), 404, "E011103", null);
        assertThat(server.get("/v1/mgmt/accesskey?id=" + id, a.bearer()).status()).as("untouched").isEqualTo(200);
    }

    @Test
    void expiredCredentialsWhenUsedThen401AndAudited() throws Exception {
        JsonNode key = createKey(a, Map.of("name", "short", "expireTime", System.currentTimeMillis() / 1000 + 3600));
        String id = key.get("key").get("id").asText();
        String bearer = a.id() + ":" + key.get("cleartext").asText();
        assertThat(exchange(bearer, "10.0.3.1").status()).isEqualTo(200);
        expire("access_keys", id);
        assertEnvelope(exchange(bearer, "10.0.3.1"), 401, "E011101", "credential_expired");
        assertThat(audited("auth.accesskey_exchange", "key_expired")).isNotEmpty();

        TestResponse m = server.put("/v1/mgmt/managementkey", a.bearer(), Map.of("name", "soon", "expiresIn", 3600));
        String mgmtBearer = a.id() + ":" + m.text("cleartext");
        expire("management_keys", m.text("key.id"));
        assertEnvelope(call("GET", "/v1/mgmt/role/all", "Bearer " + mgmtBearer, "10.0.3.2", null), 401, "E011101",
                "credential_expired");
    }

    private static void expire(String table, String id) throws Exception {
        try (Connection c = server.database().connect();
             PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET expires_at = ? WHERE id = ?")) {
            ps.setObject(1, OffsetDateTime.now().minusMinutes(1));
            ps.setString(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void reservedClaimsWhenStoredThen400NamingTheClaimAndCallerClaimsStayUnderNsec() throws Exception {
        for (String claim : List.of("sub", "iss", "exp", "roles", "tenants", "nsec", "EXP")) {
            TestResponse r = server.post("/v1/mgmt/accesskey/create", a.bearer(), Map.of("name", "evil", "expireTime", 0,
                    "customClaims", Map.of(claim, "x")));
            assertEnvelope(r, 400, "E011004", "reserved_claim");
            assertThat(r.text("field")).isEqualTo("customClaims." + claim);
        }
        JsonNode key = createKey(a, Map.of("name", "nested", "expireTime", 0, "customClaims", Map.of("app", Map.of("sub", "ok"))));
        String id = key.get("key").get("id").asText();
        TestResponse update = server.post("/v1/mgmt/accesskey/update", a.bearer(), Map.of("id", id, "name", "nested",
                "customClaims", Map.of("permissions", List.of("admin"))));
        assertEnvelope(update, 400, "E011004", "reserved_claim");
        assertThat(audited("accesskey.create", null)).anySatisfy(e -> assertThat(e.path("reason").asText()).isEqualTo("reserved_claim"));
        assertThat(audited("accesskey.update", null)).anySatisfy(e -> assertThat(e.path("reason").asText()).isEqualTo("reserved_claim"));

        TestResponse s = call("POST", "/v1/auth/accesskey/exchange", "Bearer " + a.id() + ":" + key.get("cleartext").asText(),
                "10.0.4.1", "{\"loginOptions\":{\"customClaims\":{\"sub\":\"mallory\",\"roles\":[\"admin\"],\"exp\":9999999999}}}");
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        Map<String, Object> claims = SignedJWT.parse(s.text("sessionJwt")).getJWTClaimsSet().getClaims();
        assertThat(claims.get("sub")).isEqualTo(id);
        assertThat(claims.get("roles")).isEqualTo(List.of());
        assertThat(((Date) claims.get("exp")).getTime() / 1000).isEqualTo(s.json().get("expiration").asLong());
        assertThat(claims.get("nsec")).isEqualTo(Map.of("sub", "mallory", "roles", List.of("admin"), "exp", 9999999999L));
        assertThat(claims.get("app")).isEqualTo(Map.of("sub", "ok"));
    }

    @Test
    void permittedIpsWhenCallerOutsideThen403AndInsideWorks() {
        JsonNode key = createKey(a, Map.of("name", "ips", "expireTime", 0,
                "permittedIps", List.of("10.1.0.0/16", "2001:db8::/32", "192.0.2.7")));
        String bearer = a.id() + ":" + key.get("cleartext").asText();
        assertThat(exchange(bearer, "10.1.200.3").status()).isEqualTo(200);
        assertThat(exchange(bearer, "2001:db8::5").status()).isEqualTo(200);
        assertThat(exchange(bearer, "192.0.2.7").status()).isEqualTo(200);
        assertEnvelope(exchange(bearer, "10.2.0.1"), 403, "E011102", "source_address_not_allowed");
        assertEnvelope(exchange(bearer, null), 403, "E011102", null);
        assertThat(audited("auth.accesskey_exchange", "address_not_permitted")).isNotEmpty();
    }

    @Test
    void boundUserWhenDisabledThenExchangeRefused() throws Exception {
        String userId = server.post("/iam/v1/users", owner, Map.of("email", "bound@example.com", "password", "bound password"))
                .text("id");
        JsonNode key = createKey(a, Map.of("name", "bound", "expireTime", 0, "userId", userId));
        String bearer = a.id() + ":" + key.get("cleartext").asText();
        assertThat(exchange(bearer, "10.0.5.1").status()).isEqualTo(200);
        try (Connection c = server.database().connect(); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE users SET status = 'DISABLED' WHERE id = '" + userId + "'")).isEqualTo(1);
        }
        Thread.sleep(1100); // the principal directory caches for one second
        assertEnvelope(exchange(bearer, "10.0.5.1"), 401, "E011101", "credential_inactive");
        assertThat(server.post("/v1/mgmt/accesskey/create", a.bearer(), Map.of("name", "x", "userId", "nobody")).text("field"))
                .isEqualTo("userId");
    }

    @Test
    void repeatedFailuresWhenPerKeyOrPerAddressThen429WithRetryAfter() {
        JsonNode key = createKey(a, Map.of("name", "locked", "expireTime", 0));
        String id = key.get("key").get("id").asText();
        String bearer = a.id() + ":" + key.get("cleartext").asText();
        server.post("/v1/mgmt/accesskey/deactivate", a.bearer(), Map.of("id", id));
        for (int i = 0; i < 20; i++) {
            assertThat(exchange(bearer, "10.0.6.1").status()).isEqualTo(401);
        }
        server.post("/v1/mgmt/accesskey/activate", a.bearer(), Map.of("id", id));
        TestResponse locked = exchange(bearer, "10.0.6.2");
        assertEnvelope(locked, 429, "E130429", null);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isPositive();

        String good = a.id() + ":" + createKey(a, Map.of("name", "fine", "expireTime", 0)).get("cleartext").asText();
        for (int i = 0; i < 50; i++) {
            assertThat(exchange(a.id() + ":guess" + i, "10.0.6.3").status()).isEqualTo(401);
        }
        assertEnvelope(exchange(good, "10.0.6.3"), 429, "E130429", null);
        assertThat(exchange(good, "10.0.6.4").status()).as("other addresses are unaffected").isEqualTo(200);
        assertThat(audited("auth.accesskey_exchange", "rate_limited")).isNotEmpty();
    }

    @Test
    void sessionJwtWhenTamperedOrForgedThenVerificationFailsAndNativeApiRefusesIt() throws Exception {
        String bearer = a.id() + ":" + createKey(a, Map.of("name", "jwt", "expireTime", 0)).get("cleartext").asText();
        String jwt = exchange(bearer, "10.0.7.1").text("sessionJwt");
        RSAKey published = publishedKey(SignedJWT.parse(jwt).getHeader().getKeyID());
        assertThat(SignedJWT.parse(jwt).verify(new RSASSAVerifier(published))).isTrue();

        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"drn\":\"DS\"", "\"drn\":\"XX\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        assertThat(SignedJWT.parse(tampered).verify(new RSASSAVerifier(published))).isFalse();

        RSAKey attacker = ClientAssertions.rsaKey(published.getKeyID());
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(published.getKeyID())
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().subject("K").issuer("x/" + a.id()).build());
        forged.sign(new RSASSASigner(attacker));
        assertThat(forged.verify(new RSASSAVerifier(published))).isFalse();

        for (String token : List.of(jwt, tampered, forged.serialize())) {
            assertThat(server.get("/iam/v1/projects", token).status()).as("native API").isEqualTo(403);
            assertEnvelope(call("POST", "/v1/mgmt/accesskey/search", "Bearer " + a.id() + ":" + token, "10.0.7.2", "{}"),
                    401, "E011101", null);
            assertEnvelope(exchange(a.id() + ":" + token, "10.0.7.3"), 401, "E011101", null);
        }
        assertThat(audited("auth.management_key", "unknown_key")).isNotEmpty();
    }

    private static RSAKey publishedKey(String kid) throws Exception {
        for (JsonNode k : server.get("/v2/keys/" + a.id(), a.id()).json().get("keys")) {
            if (k.get("kid").asText().equals(kid)) {
                return JWK.parse(k.toString()).toRSAKey();
            }
        }
        throw new AssertionError("kid not published: " + kid);
    }

    @Test
    void secretsWhenKeysCreatedRotatedAndExchangedThenNeverStoredOrLogged() throws Exception {
        JsonNode key = createKey(a, Map.of("name", "secret", "expireTime", 0, "customClaims", Map.of("c", "v")));
        String first = key.get("cleartext").asText();
        String id = key.get("key").get("id").asText();
        String second = server.post("/v1/mgmt/accesskey/rotate", a.bearer(), Map.of("id", id)).text("cleartext");
        String jwt = exchange(a.id() + ":" + second, "10.0.8.1").text("sessionJwt");
        String mgmt = server.post("/iam/v1/projects/" + a.id() + "/management-keys", owner, Map.of("name", "m")).text("cleartext");
        exchange(a.id() + ":" + first, "10.0.8.1");

        server.get("/iam/v1/audit", owner); // flushes queued audit events
        String rows = SecretsAtRestTest.dumpAllRows(server);
        assertThat(rows).contains(id); // the dump really covers the access keys
        for (String secret : List.of(first, second, mgmt, a.managementKey(), b.managementKey(), jwt,
                jwt.substring(jwt.lastIndexOf('.') + 1))) {
            assertThat(rows).doesNotContain(secret);
            assertThat(server.logs()).doesNotContain(secret);
            assertThat(secret).doesNotContain(":");
        }
    }
}
