package io.latchkey.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The peer: Keycloak 26.0.7 prepared through its admin REST API with two realms, one signing with its default
 * RS256 key and one with an ES256 key (so each Latchkey flow meets a Keycloak flow signing the same algorithm),
 * each holding a confidential client authenticating with a client secret and one authenticating with a
 * private-key JWT (client-jwt, keys given as a JWK set). The benchmarked flows are Keycloak's
 * client-credentials grant with both kinds of client authentication.
 */
final class KeycloakFixture {
    static final String ADMIN_USER = "bench-admin";
    static final String RS_REALM = "bench-rs";
    static final String ES_REALM = "bench-es";

    private final Api api;
    private final String hostPort;
    private final String baseUrl;
    private final String adminPassword;
    private final String clientSecret = UUID.randomUUID().toString();
    private final RSAKey jwtKey = AssertionPool.newKey("bench-kc");
    private AssertionPool esAssertions;

    KeycloakFixture(ServerHandle server, String adminPassword) {
        this.api = new Api(server.baseUrl());
        this.hostPort = server.hostPort();
        this.baseUrl = server.baseUrl();
        this.adminPassword = adminPassword;
    }

    KeycloakFixture prepare() {
        String admin = Api.text(api.form("/realms/master/protocol/openid-connect/token", null, Request.fields(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN_USER, "password", adminPassword)),
                "access_token");
        realm(admin, RS_REALM, "RS256");
        realm(admin, ES_REALM, "ES256");
        esAssertions = new AssertionPool(jwtKey, "bench-jwt", issuer(ES_REALM));
        checkAlgorithm(api.form(tokenPath(RS_REALM), null, secretForm()), "RS256");
        checkAlgorithm(api.form(tokenPath(ES_REALM), null, secretForm()), "ES256");
        checkAlgorithm(api.form(tokenPath(ES_REALM), null, jwtForm(esAssertions.sign())), "ES256");
        return this;
    }

    private void realm(String admin, String name, String algorithm) {
        api.post("/admin/realms", admin, Map.of("realm", name, "enabled", true, "defaultSignatureAlgorithm", algorithm), 201);
        if (algorithm.startsWith("ES")) {
            String realmId = Api.text(api.get("/admin/realms/" + name, admin), "id");
            api.post("/admin/realms/" + name + "/components", admin, Map.of("name", "bench-ecdsa",
                    "providerId", "ecdsa-generated", "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                    "config", Map.of("priority", List.of("200"), "enabled", List.of("true"), "active", List.of("true"),
                            "ecdsaEllipticCurveKey", List.of("P-256"))), 201);
        }
        api.post("/admin/realms/" + name + "/clients", admin, Map.of("clientId", "bench-secret", "enabled", true,
                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false, "clientAuthenticatorType", "client-secret", "secret", clientSecret), 201);
        api.post("/admin/realms/" + name + "/clients", admin, Map.of("clientId", "bench-jwt", "enabled", true,
                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false, "clientAuthenticatorType", "client-jwt",
                "attributes", Map.of("use.jwks.string", "true", "jwks.string", jwks(),
                        "token.endpoint.auth.signing.alg", "RS256")), 201);
    }

    /** The client's public key as a JWK set; Keycloak only picks keys marked for signatures with their algorithm. */
    private String jwks() {
        Map<String, Object> jwk = new java.util.LinkedHashMap<>(jwtKey.toPublicJWK().toJSONObject());
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        return Api.json(Map.of("keys", List.of(jwk)));
    }

    private static void checkAlgorithm(JsonNode tokenResponse, String expected) {
        String token = Api.text(tokenResponse, "access_token");
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        if (!header.contains("\"" + expected + "\"")) {
            throw new IllegalStateException("Keycloak signed with " + header + ", expected " + expected);
        }
    }

    private String issuer(String realm) {
        return baseUrl + "/realms/" + realm;
    }

    private static String tokenPath(String realm) {
        return "/realms/" + realm + "/protocol/openid-connect/token";
    }

    private Map<String, String> secretForm() {
        return Request.fields("grant_type", "client_credentials", "client_id", "bench-secret", "client_secret", clientSecret);
    }

    private static Map<String, String> jwtForm(String assertion) {
        return Request.fields("grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion);
    }

    List<Flow> flows() {
        List<Flow> flows = new ArrayList<>();
        String form = "application/x-www-form-urlencoded";
        flows.add(Flow.fixed("kc-client-secret-rs256", "keycloak", null, 200,
                Request.of("POST", hostPort, tokenPath(RS_REALM), null, form, Request.form(secretForm()))));
        flows.add(Flow.fixed("kc-client-secret-es256", "keycloak", null, 200,
                Request.of("POST", hostPort, tokenPath(ES_REALM), null, form, Request.form(secretForm()))));
        flows.add(new Flow("kc-private-key-jwt-es256", "keycloak", null, 200, () -> Request.of("POST", hostPort,
                tokenPath(ES_REALM), null, form, Request.form(jwtForm(esAssertions.next()))), esAssertions));
        return flows;
    }
}
