package io.latchkey.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bootstrapped server for a test class of the secrets dialect: the owner's user token, the
 * instance-admin identity's token, and helpers for projects, secrets, folders and restricted principals.
 */
final class SecretsFixture implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final TestServer server;
    final String admin;
    final String owner;

    SecretsFixture() {
        server = TestServer.start();
        admin = server.bootstrap().text("identity.credentials.token");
        owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
    }

    /** A project created through the native API; default environments dev, staging, prod. */
    String project(String name, String type) {
        TestResponse r = server.post("/iam/v1/projects", owner, Map.of("name", name, "type", type));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("id");
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    TestResponse create(String token, String projectId, String env, String path, String name, String value) {
        return server.post("/api/v3/secrets/raw/" + q(name), token,
                body("workspaceId", projectId, "environment", env, "secretPath", path, "secretValue", value));
    }

    TestResponse get(String token, String projectId, String env, String path, String name, String extraQuery) {
        return server.get("/api/v3/secrets/raw/" + q(name) + "?workspaceId=" + projectId + "&environment=" + env
                + "&secretPath=" + q(path) + (extraQuery == null ? "" : "&" + extraQuery), token);
    }

    TestResponse list(String token, String projectId, String env, String path, String extraQuery) {
        return server.get("/api/v3/secrets/raw?workspaceId=" + projectId + "&environment=" + env + "&secretPath=" + q(path)
                + (extraQuery == null ? "" : "&" + extraQuery), token);
    }

    /** DELETE with a JSON body, as the SDK sends it. */
    TestResponse deleteWithBody(String path, String token, Object body) {
        return server.raw("DELETE", path, token, "application/json", json(body));
    }

    TestResponse folder(String token, String projectId, String env, String parent, String name) {
        TestResponse r = server.post("/api/v1/folders", token,
                body("workspaceId", projectId, "environment", env, "path", parent, "name", name));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    /**
     * A second user of the organization, member of the project with exactly the given policy statements
     * (resources and actions), logged in: its user token.
     */
    String restrictedUser(String projectId, String email, List<Map<String, Object>> statements) {
        TestResponse u = server.post("/iam/v1/users", owner, body("email", email, "password", "a long enough password",
                "displayName", "Restricted", "role", "member"));
        assertThat(u.status()).as(u.body()).isEqualTo(200);
        String userId = u.text("id");
        TestResponse sts = server.post("/iam/v1/sts/create-project-scoped-token", owner, Map.of("projectId", projectId));
        String scoped = sts.text("accessToken");
        TestResponse add = server.post("/iam/v1/projects/principals", scoped, body("principalId", userId, "principalType", "user"));
        assertThat(add.status()).as(add.body()).isEqualTo(204);
        String ari = "ari:iam::" + projectId + ":user/" + userId;
        List<Map<String, Object>> withPrincipal = statements.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>(s);
            m.put("principal", List.of(ari));
            m.putIfAbsent("effect", "Allow");
            return m;
        }).toList();
        TestResponse put = server.put("/iam/v1/policies/principals/" + userId + "?principalType=user", scoped,
                Map.of("version", "2022-12-15", "statement", withPrincipal));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return server.login(email, "a long enough password");
    }

    static String json(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
