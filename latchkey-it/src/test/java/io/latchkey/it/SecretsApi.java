package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helper for the secrets dialect's identity endpoints (specs/infisical.md section 3): each method does
 * one documented call and asserts it succeeded, so tests read as the flow they check.
 */
final class SecretsApi {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TestServer server;
    final String adminToken;
    final String orgId;

    SecretsApi(TestServer server) {
        this.server = server;
        TestResponse boot = server.bootstrap();
        this.adminToken = boot.text("identity.credentials.token");
        this.orgId = boot.text("organization.id");
    }

    TestServer server() {
        return server;
    }

    static TestResponse ok(TestResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    String createIdentity(String token, String name, String role) {
        return ok(server.post("/api/v1/identities", token, Map.of("name", name, "organizationId", orgId, "role", role)))
                .text("identity.id");
    }

    /** Attaches universal auth with the given settings; returns the client id. */
    String attachUniversalAuth(String token, String identityId, Map<String, Object> settings) {
        return ok(server.post(uaPath(identityId), token, settings)).text("identityUniversalAuth.clientId");
    }

    /** Creates a client secret; returns {@code [secret, secretId]}. */
    String[] createClientSecret(String token, String identityId, Map<String, Object> settings) {
        TestResponse r = ok(server.post(uaPath(identityId) + "/client-secrets", token, settings));
        return new String[] {r.text("clientSecret"), r.text("clientSecretData.id")};
    }

    TestResponse login(String clientId, String clientSecret) {
        return server.post("/api/v1/auth/universal-auth/login", null, Map.of("clientId", clientId, "clientSecret", clientSecret));
    }

    /** Identity with universal auth and one secret, logged in; returns {@code [identityId, clientId, secret, token]}. */
    String[] loggedInIdentity(String name, String role, Map<String, Object> uaSettings) {
        String id = createIdentity(adminToken, name, role);
        String clientId = attachUniversalAuth(adminToken, id, uaSettings);
        String secret = createClientSecret(adminToken, id, Map.of())[0];
        String token = ok(login(clientId, secret)).text("accessToken");
        return new String[] {id, clientId, secret, token};
    }

    String createProject(String token, String name) {
        return ok(server.post("/api/v2/workspace", token, Map.of("projectName", name, "type", "secret-manager")))
                .text("project.id");
    }

    static String uaPath(String identityId) {
        return "/api/v1/auth/universal-auth/identities/" + identityId;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Map<String, String>> ips(String... ranges) {
        return java.util.Arrays.stream(ranges).map(r -> Map.of("ipAddress", r)).toList();
    }

    /** The payload of a JWT, decoded without verification (tests only). */
    static JsonNode claims(String jwt) {
        try {
            return MAPPER.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts the secrets dialect's error shape with the given status and {@code error}. */
    static JsonNode error(TestResponse r, int status, String error) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode body = r.json();
        assertThat(body.get("statusCode").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.has("reqId")).isTrue();
        return body;
    }

    /** Asserts a 422 ValidationFailure whose issues name {@code field}. */
    static void validationNames(TestResponse r, String field) {
        JsonNode body = error(r, 422, "ValidationFailure");
        assertThat(body.get("message").isArray()).isTrue();
        List<String> parts = new java.util.ArrayList<>();
        body.get("message").get(0).get("path").forEach(p -> parts.add(p.asText()));
        String path = String.join(".", parts);
        assertThat(path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "["))
                .as("the issue's path %s names %s", path, field).isTrue();
    }
}
