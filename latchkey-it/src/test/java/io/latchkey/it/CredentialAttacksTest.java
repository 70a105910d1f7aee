package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
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

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hardening suite 3 (issue 9): credential attacks against every credential-checking endpoint. Brute force
 * against password login, the OAuth2 token endpoint, universal-auth login, access-key exchange and management
 * keys ends in 429 with {@code Retry-After} in the endpoint's own error shape, per credential identifier and
 * per source address, and every attempt (failed, refused or throttled) is an audit event. Replayed, expired,
 * not-yet-valid and overlong client assertions, assertions signed by a replaced key, tokens signed by a key
 * not in the ring, revoked tokens and deactivated or deleted keys are refused.
 *
 * <p>The lockout thresholds are lowered through their configuration keys (README "Configuration"), which
 * also proves those keys take effect. Each test uses its own source addresses (X-Forwarded-For from a
 * trusted proxy), so the per-address counters of one test never reach another.
 */
class CredentialAttacksTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Requests this suite sent to credential-checking endpoints, for the figures in docs/SECURITY.md. */
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    static TestServer server;
    static String admin;
    static String owner;
    static SecretsApi identities;

    @BeforeAll
    static void start() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("trusted-proxies", "127.0.0.1");
        settings.put("lockout-login-account", "3/1m/1m");
        settings.put("lockout-login-address", "8/1m/1m");
        settings.put("lockout-token-client", "3/1m/1m");
        settings.put("lockout-token-address", "8/1m/1m");
        settings.put("lockout-identity-login-address", "4/1m/1m");
        settings.put("lockout-access-key", "3/1m/1m");
        settings.put("lockout-access-key-address", "8/1m/1m");
        settings.put("lockout-management-key-address", "4/1m/1m");
        server = TestServer.start(settings);
        identities = new SecretsApi(server);
        admin = identities.adminToken;
        owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        System.out.println("credential attacks: " + ATTEMPTS.get() + " requests sent, every refusal, throttle and audit event as expected");
        server.close();
    }

    // ---------------------------------------------------------------- brute force, one test per endpoint

    @Test
    void passwordLoginWhenBruteForcedPerAccountOrPerAddressThen429WithRetryAfterAndEveryAttemptAudited() {
        assertThat(server.post("/iam/v1/users", owner, Map.of("email", "victim@example.com", "password", "victim's password")).status())
                .isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            // The IAM dialect answers a bad credential 403 UnauthorizedError, as the vendor's server does.
            assertThat(login("10.3.1.1", "victim@example.com", "guess " + i).status()).isEqualTo(403);
        }
        TestResponse locked = login("10.3.1.9", "victim@example.com", "victim's password");
        assertIamThrottled(locked);

        for (int i = 0; i < 8; i++) {
            assertThat(login("10.3.1.2", "nobody" + i + "@example.com", "guess").status()).isEqualTo(403);
        }
        assertIamThrottled(login("10.3.1.2", TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD));
        assertThat(login("10.3.1.3", TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD).status())
                .as("other addresses and accounts are unaffected").isEqualTo(200);

        List<String> seen = audited("auth.login");
        assertThat(seen.stream().filter(s -> s.equals("failure@10.3.1.1")).count()).isEqualTo(3);
        assertThat(seen).contains("denied@10.3.1.9", "denied@10.3.1.2", "success@10.3.1.3");
        assertThat(seen.stream().filter(s -> s.equals("failure@10.3.1.2")).count()).isEqualTo(8);
    }

    @Test
    void tokenEndpointWhenBruteForcedPerClientOrPerAddressThenSlowDown429AndEveryAttemptAudited() {
        RSAKey key = ClientAssertions.rsaKey("bf");
        String tokenId = createPat(key);
        RSAKey wrong = ClientAssertions.rsaKey("bf");
        for (int i = 0; i < 3; i++) {
            assertInvalidClient(assertionRequest("10.3.2.1", ClientAssertions.assertion(wrong, "RS256", tokenId, server.tokenEndpoint()),
                    tokenId));
        }
        assertOAuthThrottled(assertionRequest("10.3.2.9", ClientAssertions.assertion(key, "RS256", tokenId, server.tokenEndpoint()),
                tokenId));

        // Cycling through client ids from one address: the per-address counter catches it.
        for (int i = 0; i < 8; i++) {
            String unknown = UUID.randomUUID().toString();
            assertInvalidClient(assertionRequest("10.3.2.2", ClientAssertions.assertion(wrong, "RS256", unknown,
                    server.tokenEndpoint()), unknown));
        }
        RSAKey fresh = ClientAssertions.rsaKey("fresh");
        String freshId = createPat(fresh);
        assertOAuthThrottled(assertionRequest("10.3.2.2", ClientAssertions.assertion(fresh, "RS256", freshId,
                server.tokenEndpoint()), freshId));
        assertThat(assertionRequest("10.3.2.3", ClientAssertions.assertion(fresh, "RS256", freshId, server.tokenEndpoint()),
                freshId).status()).as("another address").isEqualTo(200);

        List<String> seen = audited("auth.client_assertion");
        assertThat(seen.stream().filter(s -> s.equals("failure@10.3.2.1")).count()).isEqualTo(3);
        assertThat(seen.stream().filter(s -> s.equals("failure@10.3.2.2")).count()).isEqualTo(8);
        assertThat(seen).contains("denied@10.3.2.9", "denied@10.3.2.2", "success@10.3.2.3");
    }

    @Test
    void universalAuthLoginWhenBruteForcedFromOneAddressThen429InTheSecretsShapeAndAudited() {
        String[] identity = identities.loggedInIdentity("brute", "no-access", Map.of("lockoutEnabled", false));
        for (int i = 0; i < 4; i++) {
            assertThat(send("POST", "/api/v1/auth/universal-auth/login", null, "10.3.3.1", json(Map.of("clientId", identity[1],
                    "clientSecret", "guess " + i))).status()).isEqualTo(401);
        }
        TestResponse throttled = send("POST", "/api/v1/auth/universal-auth/login", null, "10.3.3.1",
                json(Map.of("clientId", identity[1], "clientSecret", identity[2])));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.text("error")).isEqualTo("RateLimitExceeded");
        assertThat(throttled.json().get("statusCode").asInt()).isEqualTo(429);
        assertThat(throttled.text("reqId")).isNotBlank();
        assertRetryAfter(throttled);
        assertThat(send("POST", "/api/v1/auth/universal-auth/login", null, "10.3.3.2",
                json(Map.of("clientId", identity[1], "clientSecret", identity[2]))).status()).isEqualTo(200);

        List<String> seen = audited("identity.login");
        assertThat(seen.stream().filter(s -> s.equals("failure@10.3.3.1")).count()).isEqualTo(4);
        assertThat(seen).contains("denied@10.3.3.1", "success@10.3.3.2");
    }

    @Test
    void accessKeyExchangeWhenBruteForcedPerKeyOrPerAddressThen429InTheAccessKeyShapeAndAudited() {
        ManagedProject p = ManagedProjects.create(server, owner, "brute force exchange");
        JsonNode key = createAccessKey(p, "target");
        String id = key.get("key").get("id").asText();
        String bearer = p.id() + ":" + key.get("cleartext").asText();
        // Failures tied to a key: it is deactivated while the attacker holds its value.
        server.post("/v1/mgmt/accesskey/deactivate", p.bearer(), Map.of("id", id));
        for (int i = 0; i < 3; i++) {
            assertThat(exchange("10.3.4.1", bearer).status()).isEqualTo(401);
        }
        server.post("/v1/mgmt/accesskey/activate", p.bearer(), Map.of("id", id));
        assertAccessKeyThrottled(exchange("10.3.4.9", bearer));

        String good = p.id() + ":" + createAccessKey(p, "good").get("cleartext").asText();
        for (int i = 0; i < 8; i++) {
            assertThat(exchange("10.3.4.2", p.id() + ":guess" + i).status()).isEqualTo(401);
        }
        assertAccessKeyThrottled(exchange("10.3.4.2", good));
        assertThat(exchange("10.3.4.3", good).status()).isEqualTo(200);

        List<String> seen = audited("auth.accesskey_exchange");
        assertThat(seen.stream().filter(s -> s.equals("failure@10.3.4.2")).count()).isEqualTo(8);
        assertThat(seen).contains("denied@10.3.4.9", "denied@10.3.4.2", "success@10.3.4.3");
    }

    @Test
    void managementKeyWhenBruteForcedFromOneAddressThen429InTheAccessKeyShapeAndAudited() {
        ManagedProject p = ManagedProjects.create(server, owner, "brute force management");
        for (int i = 0; i < 4; i++) {
            assertThat(send("POST", "/v1/mgmt/accesskey/search", "Bearer " + p.id() + ":guess" + i, "10.3.5.1", "{}").status())
                    .isEqualTo(401);
        }
        assertAccessKeyThrottled(send("POST", "/v1/mgmt/accesskey/search", "Bearer " + p.bearer(), "10.3.5.1", "{}"));
        assertThat(send("POST", "/v1/mgmt/accesskey/search", "Bearer " + p.bearer(), "10.3.5.2", "{}").status()).isEqualTo(200);

        List<String> seen = audited("auth.management_key");
        assertThat(seen.stream().filter(s -> s.equals("failure@10.3.5.1")).count()).isEqualTo(4);
        assertThat(seen).contains("denied@10.3.5.1");
    }

    // ---------------------------------------------------------------- forged, stale and withdrawn credentials

    @Test
    void clientAssertionWhenReplayedExpiredNotYetValidOrOverlongThenInvalidClientAndAudited() throws Exception {
        RSAKey key = ClientAssertions.rsaKey("t");
        String tokenId = createPat(key);
        String aud = server.tokenEndpoint();
        String once = ClientAssertions.assertion(key, "RS256", tokenId, aud);
        assertThat(assertionRequest("10.3.6.1", once, tokenId).status()).isEqualTo(200);
        assertInvalidClient(assertionRequest("10.3.6.1", once, tokenId)); // replay, same node
        // A fresh client per case: each failure counts against its client id, and the lockout is 3 here.
        Instant now = Instant.now();
        String expired = createPat(key);
        assertInvalidClient(assertionRequest("10.3.6.2",
                ClientAssertions.assertion(key, "RS256", expired, aud, now.minusSeconds(600), 300, "expired"), expired));
        String future = createPat(key);
        assertInvalidClient(assertionRequest("10.3.6.3",
                ClientAssertions.assertion(key, "RS256", future, aud, now.plusSeconds(600), 60, "issued in the future"), future));
        // nbf ahead of now (past the clock skew) with an otherwise valid iat and exp.
        String notBefore = createPat(key);
        assertInvalidClient(assertionRequest("10.3.6.4", signed(key, JWSAlgorithm.RS256, new JWTClaimsSet.Builder()
                .issuer(notBefore).subject(notBefore).audience(aud).issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.plusSeconds(200))).expirationTime(Date.from(now.plusSeconds(280)))
                .jwtID(UUID.randomUUID().toString()).build()), notBefore));
        String overlong = createPat(key);
        assertInvalidClient(assertionRequest("10.3.6.5",
                ClientAssertions.assertion(key, "RS256", overlong, aud, now, 3600, "overlong"), overlong));

        List<String> seen = audited("auth.client_assertion");
        assertThat(seen).contains("success@10.3.6.1", "failure@10.3.6.1", "failure@10.3.6.2", "failure@10.3.6.3",
                "failure@10.3.6.4", "failure@10.3.6.5");
    }

    @Test
    void patKeyWhenReplacedThenAssertionsOfTheOldKeyAreRefused() {
        RSAKey old = ClientAssertions.rsaKey("old");
        String tokenId = createPat(old);
        assertThat(assertionRequest("10.3.7.1", ClientAssertions.assertion(old, "RS256", tokenId, server.tokenEndpoint()), tokenId)
                .status()).isEqualTo(200);
        RSAKey replacement = ClientAssertions.rsaKey("new");
        TestResponse patched = server.patch("/iam/v1/tokens/" + tokenId, owner, Map.of("authenticationMethod", Map.of(
                "type", "PRIVATE_KEY", "signingAlgorithm", "RS256",
                "publicKeyInfo", ClientAssertions.publicKeyInfo(replacement, "RS256"))));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertInvalidClient(assertionRequest("10.3.7.2", ClientAssertions.assertion(old, "RS256", tokenId, server.tokenEndpoint()),
                tokenId));
        assertThat(assertionRequest("10.3.7.3", ClientAssertions.assertion(replacement, "RS256", tokenId, server.tokenEndpoint()),
                tokenId).status()).isEqualTo(200);
    }

    @Test
    void accessTokenWhenSignedByAKeyOutsideTheRingThenRefusedEverywhere() throws Exception {
        String genuine = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(genuine.substring(0, genuine.indexOf('.'))));
        JsonNode payload = MAPPER.readTree(Base64.getUrlDecoder().decode(genuine.split("\\.")[1]));
        ECKey attacker = ClientAssertions.ecKey(header.get("kid").asText());
        String forged = signed(attacker, JWSAlgorithm.ES256, JWTClaimsSet.parse(MAPPER.convertValue(payload, Map.class)));
        assertThat(server.get("/iam/v1/users", forged).status()).isIn(401, 403);
        assertThat(server.get("/api/v1/workspace", forged).status()).isEqualTo(401);
        ECKey unknownKid = ClientAssertions.ecKey("retired-or-never-published");
        String foreign = signed(unknownKid, JWSAlgorithm.ES256, JWTClaimsSet.parse(MAPPER.convertValue(payload, Map.class)));
        assertThat(server.get("/iam/v1/users", foreign).status()).isIn(401, 403);
        assertThat(server.get("/iam/v1/users", genuine).status()).isEqualTo(200);
        ATTEMPTS.addAndGet(3);
    }

    @Test
    void revokedTokensWhenUsedThenRefused() {
        String user = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        assertThat(server.post("/iam/v1/logout", user, Map.of()).status()).isEqualTo(204);
        TestResponse afterLogout = server.get("/iam/v1/users", user);
        assertThat(afterLogout.status()).isEqualTo(403);
        assertThat(afterLogout.text("code")).isEqualTo("token_revoked");

        String[] identity = identities.loggedInIdentity("revoked", "member", Map.of());
        assertThat(server.get("/api/v1/workspace", identity[3]).status()).isEqualTo(200);
        assertThat(server.post("/api/v1/auth/token/revoke", null, Map.of("accessToken", identity[3])).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/workspace", identity[3]).status()).isEqualTo(401);
        ATTEMPTS.addAndGet(2);
    }

    @Test
    void accessAndManagementKeysWhenDeactivatedOrDeletedThenRefused() {
        ManagedProject p = ManagedProjects.create(server, owner, "withdrawn keys");
        JsonNode deactivated = createAccessKey(p, "deactivated");
        JsonNode deleted = createAccessKey(p, "deleted");
        assertThat(server.post("/v1/mgmt/accesskey/deactivate", p.bearer(), Map.of("id", deactivated.get("key").get("id").asText()))
                .status()).isEqualTo(200);
        assertThat(server.post("/v1/mgmt/accesskey/delete", p.bearer(), Map.of("id", deleted.get("key").get("id").asText()))
                .status()).isEqualTo(200);
        assertThat(exchange("10.3.8.1", p.id() + ":" + deactivated.get("cleartext").asText()).status()).isEqualTo(401);
        assertThat(exchange("10.3.8.2", p.id() + ":" + deleted.get("cleartext").asText()).status()).isEqualTo(401);

        String native_ = "/iam/v1/projects/" + p.id() + "/management-keys";
        JsonNode off = server.post(native_, owner, Map.of("name", "off")).json();
        JsonNode gone = server.post(native_, owner, Map.of("name", "gone")).json();
        assertThat(server.post(native_ + "/" + off.get("key").get("id").asText() + "/deactivate", owner, Map.of()).status())
                .isIn(200, 204);
        assertThat(server.delete(native_ + "/" + gone.get("key").get("id").asText(), owner).status()).isIn(200, 204);
        assertThat(send("POST", "/v1/mgmt/accesskey/search", "Bearer " + p.id() + ":" + off.get("cleartext").asText(),
                "10.3.8.3", "{}").status()).isEqualTo(401);
        assertThat(send("POST", "/v1/mgmt/accesskey/search", "Bearer " + p.id() + ":" + gone.get("cleartext").asText(),
                "10.3.8.4", "{}").status()).isEqualTo(401);
        assertThat(send("POST", "/v1/mgmt/accesskey/search", "Bearer " + p.bearer(), "10.3.8.5", "{}").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    static TestResponse send(String method, String path, String authorization, String from, String body) {
        ATTEMPTS.incrementAndGet();
        HttpRequest.Builder r = server.request(path, null).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        r.header("X-Forwarded-For", from);
        return server.send(r.build());
    }

    static TestResponse login(String from, String email, String password) {
        return send("POST", "/iam/v1/login", null, from, json(Map.of("email", email, "password", password)));
    }

    static TestResponse exchange(String from, String bearer) {
        return send("POST", "/v1/auth/accesskey/exchange", "Bearer " + bearer, from, "{}");
    }

    static TestResponse assertionRequest(String from, String assertion, String clientId) {
        ATTEMPTS.incrementAndGet();
        String form = "grant_type=client_credentials&client_assertion_type=" + enc(ASSERTION_TYPE)
                + "&client_assertion=" + enc(assertion) + "&client_id=" + enc(clientId);
        return server.send(server.request("/auth/oauth2/token", null).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", from).POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static String createPat(RSAKey key) {
        TestResponse r = server.post("/iam/v1/tokens", owner, Map.of("name", "attacked", "authenticationMethod",
                Map.of("type", "PRIVATE_KEY", "signingAlgorithm", "RS256", "publicKeyInfo", ClientAssertions.publicKeyInfo(key, "RS256"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("id");
    }

    static JsonNode createAccessKey(ManagedProject p, String name) {
        TestResponse r = server.post("/v1/mgmt/accesskey/create", p.bearer(), Map.of("name", name, "expireTime", 0));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** {@code outcome@sourceIp} of every audit event of the action (the instance admin sees all of them). */
    static List<String> audited(String action) {
        List<String> out = new ArrayList<>();
        String cursor = null;
        do {
            TestResponse page = server.get("/iam/v1/audit?limit=500&action=" + action
                    + (cursor == null ? "" : "&exclusiveStartKey=" + enc(cursor)), admin);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode e : page.json().get("events")) {
                out.add(e.get("outcome").asText() + "@" + e.path("sourceIp").asText());
            }
            cursor = page.json().hasNonNull("lastEvaluatedKey") ? page.text("lastEvaluatedKey") : null;
        } while (cursor != null);
        return out;
    }

    static void assertIamThrottled(TestResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(429);
        assertThat(r.text("name")).isEqualTo("TooManyRequestsError");
        assertThat(r.json().get("httpStatusCode").asInt()).isEqualTo(429);
        assertThat(r.text("code")).isEqualTo("account_locked");
        assertThat(r.text("traceId")).isNotBlank();
        assertRetryAfter(r);
    }

    static void assertOAuthThrottled(TestResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(429);
        assertThat(r.text("error")).isEqualTo("slow_down");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertRetryAfter(r);
    }

    static void assertAccessKeyThrottled(TestResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(429);
        assertThat(r.text("errorCode")).isEqualTo("E130429");
        assertRetryAfter(r);
    }

    static void assertInvalidClient(TestResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.text("error")).isEqualTo("invalid_client");
    }

    static void assertRetryAfter(TestResponse r) {
        String v = r.header("Retry-After");
        assertThat(v).as("Retry-After").isNotNull();
        assertThat(Long.parseLong(v)).isBetween(1L, 61L);
    }

    static String signed(com.nimbusds.jose.jwk.JWK key, JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
        jwt.sign(key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key));
        return jwt.serialize();
    }

    static String json(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
