package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.ExternalJwts;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.latchkey.it.SecretsApi.error;
import static io.latchkey.it.SecretsApi.ok;
import static io.latchkey.it.SecretsApi.validationNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWT auth and OIDC auth against a real local issuer: a small HTTP server in the test serving a JWK set and
 * an OIDC discovery document on loopback (no network). Static PEM keys, a JWKS URL and discovery; bound
 * issuer, audiences, subject and claims; claims mapped into the access token's metadata.
 */
class ExternalJwtAuthTest {
    static TestServer server;
    static SecretsApi api;
    static HttpServer issuer;
    static String issuerUrl;
    static RSAKey key = ClientAssertions.rsaKey("issuer-key-1");
    static RSAKey stranger = ClientAssertions.rsaKey("issuer-key-1");

    @BeforeAll
    static void start() throws Exception {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuerUrl = "http://127.0.0.1:" + issuer.getAddress().getPort();
        serve("/jwks", new JWKSet(key.toPublicJWK()).toString());
        serve("/.well-known/openid-configuration", "{\"issuer\":\"" + issuerUrl + "\",\"jwks_uri\":\"" + issuerUrl + "/jwks\"}");
        issuer.start();
        server = TestServer.start();
        api = new SecretsApi(server);
    }

    private static void serve(String path, String json) {
        issuer.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
        issuer.stop(0);
    }

    static String jwt(RSAKey signer, Consumer<JWTClaimsSet.Builder> customize) {
        return ExternalJwts.rs256(signer, issuerUrl, "repo:acme/api:ref:main", "latchkey",
                c -> customize.accept(c.claim("env", "prod").claim("team", "payments")));
    }

    static String good() {
        return jwt(key, c -> { });
    }

    static String pem(RSAKey k) {
        return ExternalJwts.publicPem(k);
    }

    static Map<String, Object> bindings(Map<String, Object> source) {
        Map<String, Object> m = new java.util.HashMap<>(source);
        m.put("boundIssuer", issuerUrl);
        m.put("boundAudiences", "latchkey, other-audience");
        m.put("boundSubject", "repo:acme/api:*");
        m.put("boundClaims", Map.of("env", "prod, staging"));
        m.put("claimMetadataMapping", Map.of("environment", "env", "team", "team"));
        m.put("accessTokenTTL", 600);
        return m;
    }

    static TestResponse login(String method, String identityId, String jwt) {
        return server.post("/api/v1/auth/" + method + "/login", null, Map.of("identityId", identityId, "jwt", jwt));
    }

    @Test
    void jwtAuthWhenStaticKeysThenBindingsDecideAndClaimsBecomeMetadata() throws Exception {
        String id = api.createIdentity(api.adminToken, "jwt-static", "no-access");
        JsonNode config = ok(server.post("/api/v1/auth/jwt-auth/identities/" + id, api.adminToken,
                bindings(Map.of("configurationType", "static", "publicKeys", List.of(pem(key)))))).json().get("identityJwtAuth");
        assertThat(config.get("configurationType").asText()).isEqualTo("static");
        assertThat(config.get("boundAudiences").asText()).isEqualTo("latchkey, other-audience");

        TestResponse in = ok(login("jwt-auth", id, good()));
        assertThat(in.json().get("expiresIn").asLong()).isEqualTo(600);
        JsonNode claims = SecretsApi.claims(in.text("accessToken"));
        assertThat(claims.get("metadata").get("environment").asText()).isEqualTo("prod");
        assertThat(claims.get("metadata").get("team").asText()).isEqualTo("payments");
        assertThat(claims.get("auth_method").asText()).isEqualTo("jwt-auth");
        ok(server.get("/api/v1/workspace", in.text("accessToken")));

        error(login("jwt-auth", id, jwt(key, c -> c.audience("someone-else"))), 401, "UnauthorizedError");
        error(login("jwt-auth", id, jwt(key, c -> c.claim("env", "dev"))), 401, "UnauthorizedError");
        error(login("jwt-auth", id, jwt(key, c -> c.subject("repo:acme/web:ref:main"))), 401, "UnauthorizedError");
        error(login("jwt-auth", id, jwt(key, c -> c.issuer("https://evil.example"))), 401, "UnauthorizedError");
        error(login("jwt-auth", id, jwt(key, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600))))),
                401, "UnauthorizedError");
        error(login("jwt-auth", id, jwt(key, c -> c.expirationTime(null))), 401, "UnauthorizedError");
        error(login("jwt-auth", id, jwt(stranger, c -> { })), 401, "UnauthorizedError");
        error(login("jwt-auth", id, hmacSigned()), 401, "UnauthorizedError");
        error(login("oidc-auth", id, good()), 401, "UnauthorizedError");
        assertThat(ok(server.get("/api/v1/identities/" + id, api.adminToken)).body()).contains("jwt-auth");
    }

    @Test
    void jwtAuthWhenJwksUrlThenKeysFetchedFromTheIssuer() {
        String id = api.createIdentity(api.adminToken, "jwt-jwks", "no-access");
        ok(server.post("/api/v1/auth/jwt-auth/identities/" + id, api.adminToken,
                bindings(Map.of("configurationType", "jwks", "jwksUrl", issuerUrl + "/jwks"))));
        ok(login("jwt-auth", id, good()));
        error(login("jwt-auth", id, jwt(stranger, c -> { })), 401, "UnauthorizedError");
        JsonNode patched = ok(server.patch("/api/v1/auth/jwt-auth/identities/" + id, api.adminToken,
                Map.of("boundClaims", Map.of("env", "staging")))).json().get("identityJwtAuth");
        assertThat(patched.get("jwksUrl").asText()).isEqualTo(issuerUrl + "/jwks");
        error(login("jwt-auth", id, good()), 401, "UnauthorizedError");
    }

    @Test
    void oidcAuthWhenDiscoveryThenIssuerMustMatchTheDocument() {
        String id = api.createIdentity(api.adminToken, "oidc", "no-access");
        JsonNode config = ok(server.post("/api/v1/auth/oidc-auth/identities/" + id, api.adminToken,
                bindings(Map.of("oidcDiscoveryUrl", issuerUrl)))).json().get("identityOidcAuth");
        assertThat(config.get("oidcDiscoveryUrl").asText()).isEqualTo(issuerUrl);
        String token = ok(login("oidc-auth", id, good())).text("accessToken");
        assertThat(SecretsApi.claims(token).get("auth_method").asText()).isEqualTo("oidc-auth");
        ok(server.patch("/api/v1/auth/oidc-auth/identities/" + id, api.adminToken, Map.of("boundIssuer", "")));
        error(login("oidc-auth", id, jwt(key, c -> c.issuer("https://elsewhere.example"))), 401, "UnauthorizedError");

        ok(server.delete("/api/v1/auth/oidc-auth/identities/" + id, api.adminToken));
        error(server.get("/api/v1/workspace", token), 401, "UnauthorizedError");
        error(login("oidc-auth", id, good()), 401, "UnauthorizedError");
    }

    @Test
    void configurationWhenInvalidThen422NamingTheField() {
        String id = api.createIdentity(api.adminToken, "jwt-bad", "no-access");
        String path = "/api/v1/auth/jwt-auth/identities/" + id;
        validationNames(server.post(path, api.adminToken, Map.of("jwksUrl", issuerUrl + "/jwks")), "configurationType");
        validationNames(server.post(path, api.adminToken, Map.of("configurationType", "jwks", "jwksUrl", "http://example.com/jwks")),
                "jwksUrl");
        validationNames(server.post(path, api.adminToken, Map.of("configurationType", "static",
                "publicKeys", List.of("not a key"))), "publicKeys[0]");
        validationNames(server.post(path, api.adminToken, Map.of("configurationType", "jwks", "jwksUrl", issuerUrl + "/jwks",
                "jwksCaCert", "-----BEGIN CERTIFICATE-----")), "jwksCaCert");
        validationNames(server.post("/api/v1/auth/oidc-auth/identities/" + id, api.adminToken, Map.of()), "oidcDiscoveryUrl");
        error(server.get(path, api.adminToken), 404, "NotFound");
    }

    private static String hmacSigned() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().issuer(issuerUrl)
                    .subject("repo:acme/api:ref:main").audience("latchkey").claim("env", "prod")
                    .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
            jwt.sign(new MACSigner(new byte[32]));
            return jwt.serialize();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
