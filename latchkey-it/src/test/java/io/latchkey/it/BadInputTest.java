package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.latchkey.http.common.Dialect;
import io.latchkey.http.common.ProtocolErrorHandler;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.ManagedProjects;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input (issue 9, suite 2): hand-written cases, and mutation fuzzing of every route of the running
 * server (JSON members, query parameters, path segments, headers, body text and encoding). Every answer is
 * below 500 and, when an error, in the dialect's own shape; a refused request writes nothing (row counts of
 * every table but the audit log and the throttling counters are compared after each case) and the audit
 * chain still verifies (checked every 20 routes and at the end). {@code -Dlatchkey.fuzz.tries=N} sets the
 * mutations per route (CI: 3), {@code -Dlatchkey.fuzz.seed=S} the seed.
 */
class BadInputTest {
    static final int TRIES = Integer.getInteger("latchkey.fuzz.tries", 3);
    static final long SEED = Long.getLong("latchkey.fuzz.seed", 20261123L);
    static TestServer server;
    static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.bootstrap();
        owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestResponse postUsers(String body) {
        return server.raw("POST", "/iam/v1/users", owner, "application/json", body);
    }

    @Test
    void malformedJsonWhenPostedThen400() {
        TestResponse r = postUsers("{\"email\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("code")).isEqualTo("malformed_json");
    }

    @Test
    void unknownMemberWhenPostedToNativeApiThen400NamingIt() {
        TestResponse r = postUsers("{\"email\":\"a@example.com\",\"password\":\"long password\",\"admin\":true}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("code")).isEqualTo("unknown_field");
        assertThat(r.json().get("details").get(0).get("field").asText()).isEqualTo("admin");
    }

    @Test
    void wrongTypeWhenPostedThen400NamingField() {
        TestResponse r = postUsers("{\"email\":42,\"password\":\"long password\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("details").get(0).get("field").asText()).isEqualTo("email");
    }

    @Test
    void duplicateKeysWhenPostedThen400() {
        TestResponse r = postUsers("{\"email\":\"a@example.com\",\"email\":\"b@example.com\",\"password\":\"long password\"}");
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void deepNestingWhenPostedThen400() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        TestResponse r = postUsers("{\"email\":" + deep + "}");
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void emptyBodyAndNonObjectBodyWhenPostedThen400() {
        assertThat(postUsers("").status()).isEqualTo(400);
        assertThat(postUsers("[1,2]").status()).isEqualTo(400);
        assertThat(postUsers("null").status()).isEqualTo(400);
    }

    @Test
    void oversizedBodyWhenPostedThen413InDialectShape() {
        String big = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        TestResponse r = postUsers(big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text("code")).isEqualTo("body_too_large");
    }

    @Test
    void badQueryParametersWhenGivenThen400NamingThem() {
        assertThat(server.get("/iam/v1/users?limit=abc", owner).body()).contains("limit");
        assertThat(server.get("/iam/v1/users?limit=0", owner).status()).isEqualTo(400);
        assertThat(server.get("/iam/v1/audit?from=yesterday", owner).body()).contains("from");
        assertThat(server.get("/iam/v1/audit?outcome=maybe", owner).status()).isEqualTo(400);
    }

    @Test
    void invalidUtf8WhenPostedThen400() {
        byte[] body = {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        TestResponse r = server.send(server.request("/iam/v1/users", owner).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(r.status()).isEqualTo(400);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload of a real token under a forged header: unsigned ({@code alg: none}) or HMAC-signed with a public key. */
    private static String forged(String realJwt, String headerJson, byte[] hmacKey) throws Exception {
        String signingInput = b64(headerJson) + "." + realJwt.split("\\.")[1];
        if (hmacKey == null) {
            return signingInput + ".";
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void algNoneAndAlgorithmConfusionTokensWhenPresentedThenRefusedInEachDialectsShape() throws Exception {
        JsonNode keys = server.get("/iam/.well-known/jwks.json", null).json().get("keys");
        List<String> forgeries = new ArrayList<>();
        for (String alg : List.of("none", "None", "NONE")) {
            forgeries.add(forged(owner, "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}", null));
        }
        for (JsonNode k : keys) {
            JWK jwk = JWK.parse(k.toString());
            PublicKey pub = jwk instanceof RSAKey r ? r.toPublicKey()
                    : ((ECKey) jwk).toPublicKey();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(pub.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
            String header = "{\"alg\":\"HS256\",\"kid\":\"" + jwk.getKeyID() + "\",\"typ\":\"JWT\"}";
            forgeries.add(forged(owner, header, pem.getBytes(StandardCharsets.US_ASCII)));
            forgeries.add(forged(owner, header, pub.getEncoded()));
            forgeries.add(forged(owner, header, k.toString().getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(server.get("/iam/v1/users", owner).status()).isEqualTo(200); // the real token works
        for (String f : forgeries) {
            TestResponse iam = server.get("/iam/v1/users", f);
            assertThat(iam.status()).as(iam.body()).isEqualTo(403);
            assertThat(iam.text("name")).isEqualTo("UnauthorizedError");
            TestResponse secrets = server.get("/api/v1/workspace", f);
            assertThat(secrets.status()).as(secrets.body()).isEqualTo(401);
            assertThat(secrets.text("error")).isEqualTo("UnauthorizedError");
            TestResponse renew = server.post("/api/v1/auth/token/renew", null, Map.of("accessToken", f));
            assertThat(renew.status()).as(renew.body()).isBetween(400, 401);
        }
    }

    @Test
    void forgedClientAssertionsWhenPostedToTheTokenEndpointThenInvalidClient() throws Exception {
        RSAKey key = ClientAssertions.rsaKey("fuzz");
        String pat = server.post("/iam/v1/tokens", owner, Map.of("name", "forgery target", "authenticationMethod",
                Map.of("type", "PRIVATE_KEY", "signingAlgorithm", "RS256", "publicKeyInfo",
                        ClientAssertions.publicKeyInfo(key, "RS256")))).text("id");
        String real = ClientAssertions.assertion(key, "RS256", pat, server.tokenEndpoint());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.toPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        List<String> forgeries = List.of(
                forged(real, "{\"alg\":\"none\"}", null),
                forged(real, "{\"alg\":\"HS256\",\"kid\":\"fuzz\"}", pem.getBytes(StandardCharsets.US_ASCII)),
                forged(real, "{\"alg\":\"HS256\",\"kid\":\"fuzz\"}", key.toPublicKey().getEncoded()),
                real.substring(0, real.lastIndexOf('.') + 1), // signature stripped
                real.substring(0, real.length() - 4) + "AAAA"); // signature altered
        for (String f : forgeries) {
            TestResponse r = server.form("/auth/oauth2/token", Map.of("grant_type", "client_credentials",
                    "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    "client_assertion", f, "client_id", pat));
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.text("error")).isEqualTo("invalid_client");
        }
    }

    @Test
    void jwksWithPrivateMembersOrTruncatedPemWhenRegisteredThen400AndNothingStored() throws Exception {
        RSAKey key = ClientAssertions.rsaKey("private");
        int before = server.get("/iam/v1/tokens", owner).json().get("tokens").size();
        Map<String, Object> privateJwk = new LinkedHashMap<>(key.toJSONObject());
        privateJwk.put("alg", "RS256");
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.toPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        for (Object info : List.<Object>of(Map.of("jwks", Map.of("keys", List.of(privateJwk))),
                Map.of("pem", pem.substring(0, pem.length() / 2)), Map.of("pem", pem.replace("-----END PUBLIC KEY-----\n", "")),
                Map.of("pem", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"))) {
            TestResponse r = server.post("/iam/v1/tokens", owner, Map.of("name", "bad key", "authenticationMethod",
                    Map.of("type", "PRIVATE_KEY", "signingAlgorithm", "RS256", "publicKeyInfo", info)));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.text("name")).isEqualTo("InvalidParameterError");
            assertThat(r.body()).doesNotContain(key.getPrivateExponent().toString());
        }
        assertThat(server.get("/iam/v1/tokens", owner).json().get("tokens").size()).isEqualTo(before);
        assertThat(server.logs()).doesNotContain(key.getPrivateExponent().toString());
    }

    @Test
    void numbersOutOfRangeWhenGivenThen4xxNamingTheField() {
        assertThat(server.get("/iam/v1/users?limit=99999999999999999999", owner).status()).isEqualTo(400);
        assertThat(server.get("/iam/v1/users?limit=-1", owner).status()).isEqualTo(400);
        String project = server.post("/iam/v1/projects", owner, Map.of("name", "numbers")).text("id");
        for (Object expire : List.<Object>of(new BigInteger("9".repeat(30)), -5, 1.5, "soon", 1e300)) {
            TestResponse r = server.raw("POST", "/iam/v1/projects/" + project + "/access-keys", owner, "application/json",
                    "{\"name\":\"n\",\"expireTime\":" + (expire instanceof String t ? "\"" + t + "\"" : expire) + "}");
            assertThat(r.status()).as(expire + " " + r.body()).isEqualTo(400);
        }
        TestResponse v = server.get("/api/v3/secrets/raw/X?workspaceId=" + project + "&environment=dev&version=99999999999", owner);
        assertThat(v.status()).as(v.body()).isBetween(400, 422);
        assertThat(shapeProblem("/api/v3/secrets/raw/X", v)).isNull();
    }

    @Test
    void hugeBodiesWhenPostedToEachDialectThen413InItsShape() {
        String big = "{\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        String mgmt = ManagedProjects.create(server, owner, "huge").bearer();
        for (String path : List.of("/api/v3/secrets/raw/X", "/v1/mgmt/accesskey/create", "/iam/v1/projects")) {
            TestResponse r = server.raw("POST", path, path.startsWith("/v1/") ? mgmt : owner, "application/json", big);
            assertThat(r.status()).as(path).isEqualTo(413);
            assertThat(shapeProblem(path, r)).as(path + " " + r.body()).isNull();
        }
        TestResponse form = server.raw("POST", "/auth/oauth2/token", null, "application/x-www-form-urlencoded",
                "grant_type=" + "a".repeat(2 * 1024 * 1024));
        // RFC 6749 section 5.2: the token endpoint reports a request it cannot accept as 400 invalid_request.
        assertThat(form.status()).as(form.body()).isEqualTo(400);
        assertThat(form.text("error_description")).contains("larger");
        assertThat(shapeProblem("/auth/oauth2/token", form)).as(form.body()).isNull();
    }

    @Test
    void mutatedRequestsWhenSentToEveryRouteThenOnly4xxInDialectShapeAndNoPartialWrite() throws Exception {
        try (TestServer s = TestServer.start(Map.of("trusted-proxies", "127.0.0.1"))) {
            IsolationWorld w = new IsolationWorld(s);
            FuzzReport report = fuzzEveryRoute(w, IsolationMatrix.build(), TRIES, SEED);
            assertThat(report.failures).isEmpty();
            assertThat(report.routes).isEqualTo(s.routes().size());
            System.out.printf("bad input: %d routes, %d cases, %d refused, seed %d%n", report.routes, report.cases,
                    report.refused, SEED);
        }
    }

    /** What one fuzzing pass did. */
    static final class FuzzReport {
        final List<String> failures = new ArrayList<>();
        int routes;
        int cases;
        int refused;
    }

    /**
     * Sends {@code tries} mutations of a well-formed call of every route. Calls that destroy (deletes,
     * revocations, rotations) aim at missing ids so the fixture survives; the credential is the one the
     * route's dialect expects, so the request reaches its parser.
     */
    static FuzzReport fuzzEveryRoute(IsolationWorld w, IsolationMatrix m, int tries, long seed) throws Exception {
        FuzzReport report = new FuzzReport();
        RowCounts counts = new RowCounts(w.s);
        Map<String, Long> before = counts.now();
        int routeIndex = 0;
        for (String route : w.s.routes()) {
            routeIndex++;
            report.routes++;
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            IsolationMatrix.Call call = wellFormed(w, m.entries().get(route), method, template);
            // Logging out revokes the presented token: give it a throwaway one.
            String credential = template.equals("/iam/v1/logout") ? w.s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD)
                    : credentialFor(w, call.path());
            for (int i = 0; i < tries; i++) {
                long caseSeed = seed * 31 + routeIndex * 1000L + i;
                RequestMutator.Wire wire = new RequestMutator(caseSeed).mutate(call, credential);
                report.cases++;
                String label = route + " [" + wire.what() + ", seed " + caseSeed + "]";
                TestResponse r;
                try {
                    r = send(w.s, wire, TenantIsolationMatrixTest.address(90 + i % 100, routeIndex));
                } catch (AssertionError dropped) {
                    report.failures.add(label + " dropped the connection without an answer: " + dropped.getCause());
                    continue;
                }
                if (r.status() >= 500) {
                    report.failures.add(label + " answered " + r.status() + ": " + r.body());
                    continue;
                }
                Map<String, Long> after = counts.now();
                if (r.status() >= 400) {
                    report.refused++;
                    String shape = shapeProblem(wire.path(), r);
                    if (shape != null) {
                        report.failures.add(label + " " + shape + ": " + r.status() + " " + r.body());
                    }
                    if (!after.equals(before)) {
                        report.failures.add(label + " refused with " + r.status() + " but changed rows: " + diff(before, after));
                    }
                }
                before = after;
            }
            // Verification recomputes the whole chain, so it runs every few routes and at the end; a break stays
            // broken, so a check after the fact still catches every case, naming the routes since the last one.
            if (routeIndex % AUDIT_EVERY == 0) {
                verifyAudit(w, report, route);
            }
        }
        verifyAudit(w, report, "the last routes");
        return report;
    }

    private static final int AUDIT_EVERY = 20;

    private static void verifyAudit(IsolationWorld w, FuzzReport report, String upTo) {
        TestResponse verify = w.s.get("/iam/v1/audit/verify", w.adminA);
        if (verify.status() != 200 || !verify.json().get("valid").asBoolean()) {
            report.failures.add("the audit chain is broken after " + upTo + ": " + verify.body());
        }
    }

    private static final Set<String> DESTRUCTIVE = Set.of("delete", "revoke", "rotate", "deactivate",
            "activate", "rollback", "move", "batch");

    private static IsolationMatrix.Call wellFormed(IsolationWorld w, IsolationMatrix.Entry entry, String method, String template) {
        boolean destructive = method.equals("DELETE") || Arrays.stream(template.split("/")).anyMatch(DESTRUCTIVE::contains);
        IsolationMatrix.World world = destructive ? w.missing::get : w::v;
        if (entry.call() != null) {
            return entry.call().apply(world);
        }
        Map<String, Object> body = switch (template) {
            // Not the owner's address: the fuzzer's failed logins must not lock out the account the suite uses.
            case "/iam/v1/login" -> Map.of("email", "nobody@example.com", "password", "wrong password");
            case "/api/v1/admin/bootstrap" -> Map.of("email", "x@example.com", "password", "long password", "organization", "X");
            case "/api/v1/auth/universal-auth/login" -> Map.of("clientId", "x", "clientSecret", "y");
            case "/api/v1/auth/token/renew", "/api/v1/auth/token/revoke" -> Map.of("accessToken", "a.b.c");
            case "/v1/auth/accesskey/exchange" -> Map.of("loginOptions", Map.of("customClaims", Map.of("k", "v")));
            case "/iam/v1/logout" -> Map.of();
            default -> template.endsWith("/login") ? Map.of("identityId", w.missing.get("identity"), "jwt", "a.b.c")
                    : null;
        };
        String path = template.replace("{projectId}", w.v("project"));
        return new IsolationMatrix.Call(method, path, method.equals("GET") ? null : body);
    }

    private static String credentialFor(IsolationWorld w, String path) {
        if (path.startsWith("/v1/mgmt")) {
            return w.victimMgmt;
        }
        if (path.startsWith("/api/v1/auth/") || path.startsWith("/api/v1/identities") || path.startsWith("/api/v2/organizations")
                || path.startsWith("/api/v1/organization") || path.startsWith("/iam/v1/admin") || path.startsWith("/iam/v1/audit")) {
            return w.adminA;
        }
        if (path.startsWith("/iam/v1/projects/principals") || path.startsWith("/iam/v1/policies")) {
            return w.ownerAProject;
        }
        return w.ownerA;
    }

    private static TestResponse send(TestServer s, RequestMutator.Wire wire, String from) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(s.baseUrl() + wire.path()))
                    .timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException unsendable) {
            return new TestResponse(400, null, "{}"); // the client refuses to send it: nothing reached the server
        }
        b.header("X-Forwarded-For", from);
        wire.headers().forEach((k, v) -> {
            if (k.equals("X-Forwarded-For")) {
                return;
            }
            b.setHeader(k, v);
        });
        HttpRequest request = b.method(wire.method(), wire.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(wire.body())).build();
        try {
            return s.send(request);
        } catch (AssertionError closedKeepAlive) {
            // The server closes the connection after a request it refused at the protocol level; the client may
            // have reused it already. One retry on a fresh connection tells that apart from a real drop.
            return s.send(request);
        }
    }

    /** Null when the error body has the shape of the path's dialect, otherwise what is wrong. */
    static String shapeProblem(String path, TestResponse r) {
        JsonNode b;
        try {
            b = r.json();
        } catch (RuntimeException | AssertionError notJson) {
            return "error body is not JSON";
        }
        if (b == null || !b.isObject()) {
            return "error body is not a JSON object";
        }
        if (ProtocolErrorHandler.CODE.equals(b.path("code").asText())) {
            // Refused by the HTTP parser before routing: no dialect is known, the native shape is the fallback.
            return b.has("name") && b.path("httpStatusCode").asInt() == r.status() ? null : "not in the native error shape";
        }
        return switch (Dialect.ofPath(path)) {
            case IAM -> b.has("name") && b.has("message") && b.path("httpStatusCode").asInt() == r.status() && b.has("code")
                    ? null : "not in the IAM error shape";
            case OAUTH2 -> b.has("error") && b.has("error_description") ? null : "not in the OAuth2 error shape";
            case ACCESS_KEY -> b.has("errorCode") && b.has("errorDescription") && b.has("errorMessage")
                    ? null : "not in the access-key error shape";
            case SECRETS -> b.path("statusCode").asInt() == r.status() && b.has("error") && b.has("message") && b.has("reqId")
                    ? null : "not in the secrets error shape";
        };
    }

    private static String diff(Map<String, Long> a, Map<String, Long> b) {
        List<String> out = new ArrayList<>();
        b.forEach((k, v) -> {
            if (!v.equals(a.get(k))) {
                out.add(k + " " + a.get(k) + "->" + v);
            }
        });
        return String.join(", ", out);
    }

    /**
     * Row counts of every table in one query, except the audit log (refusals are audited on purpose), the
     * throttling counters and other bookkeeping that a refused request may legitimately touch.
     */
    static final class RowCounts {
        private static final Pattern BOOKKEEPING = Pattern.compile(
                "(?i).*(audit|attempt|replay|flyway|rate|seen|lockout).*");
        private final TestServer s;
        private final String sql;

        RowCounts(TestServer s) throws Exception {
            this.s = s;
            List<String> parts = new ArrayList<>();
            try (Connection c = s.database().connect();
                 ResultSet t = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    String sch = t.getString("TABLE_SCHEM");
                    String name = t.getString("TABLE_NAME");
                    if (sch != null && (sch.equalsIgnoreCase("information_schema") || sch.startsWith("pg_"))
                            || BOOKKEEPING.matcher(name).matches()) {
                        continue;
                    }
                    String q = (sch == null ? "" : "\"" + sch + "\".") + "\"" + name + "\"";
                    parts.add("SELECT '" + name + "' AS t, COUNT(*) AS n FROM " + q);
                }
            }
            this.sql = String.join(" UNION ALL ", parts);
        }

        Map<String, Long> now() throws Exception {
            Map<String, Long> m = new TreeMap<>();
            try (Connection c = s.database().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2));
                }
            }
            return m;
        }
    }
}
