package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthzWhenRunningThenOk() {
        TestResponse r = server.get("/healthz", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("ok");
    }

    @Test
    void jwksWhenServedThenEs256KeyFirstAndPublicOnly() {
        TestResponse iam = server.get("/iam/.well-known/jwks.json", null);
        TestResponse root = server.get("/.well-known/jwks.json", null);
        assertThat(iam.status()).isEqualTo(200);
        assertThat(iam.json()).isEqualTo(root.json());
        JsonNode keys = iam.json().get("keys");
        assertThat(keys.size()).isGreaterThanOrEqualTo(4);
        assertThat(keys.get(0).get("alg").asText()).isEqualTo("ES256");
        assertThat(keys.get(0).get("kty").asText()).isEqualTo("EC");
        for (JsonNode k : keys) {
            assertThat(k.has("d")).as("private member d").isFalse();
            assertThat(k.has("p")).isFalse();
            assertThat(k.get("use").asText()).isEqualTo("sig");
            assertThat(k.get("kid").asText()).isNotBlank();
        }
    }

    @Test
    void discoveryWhenRequestedThenNamesTokenEndpointAndJwks() {
        JsonNode d = server.get("/.well-known/openid-configuration", null).json();
        assertThat(d.get("token_endpoint").asText()).endsWith("/auth/oauth2/token");
        assertThat(d.get("jwks_uri").asText()).endsWith("/.well-known/jwks.json");
        assertThat(d.get("token_endpoint_auth_methods_supported").get(0).asText()).isEqualTo("private_key_jwt");
    }

    @Test
    void requestIdWhenGivenThenEchoedElseGenerated() {
        TestResponse given = server.send(server.request("/healthz", null).header("X-Request-Id", "abc-123").GET().build());
        assertThat(given.header("X-Request-Id")).isEqualTo("abc-123");
        TestResponse hostile = server.send(server.request("/healthz", null).header("X-Request-Id", "a b\"<>").GET().build());
        assertThat(hostile.header("X-Request-Id")).isNotEqualTo("a b\"<>").hasSize(36);
        assertThat(server.get("/healthz", null).header("X-Request-Id")).hasSize(36);
    }

    @Test
    void unknownRouteWhenCalledThenNotFoundInDialectShape() {
        TestResponse iam = server.get("/iam/v1/nothing-here", null);
        assertThat(iam.status()).isEqualTo(404);
        assertThat(iam.text("name")).isEqualTo("NotFoundError");
        assertThat(iam.text("traceId")).isEqualTo(iam.header("X-Request-Id"));
        TestResponse secrets = server.get("/api/v9/nothing", null);
        assertThat(secrets.status()).isEqualTo(404);
        assertThat(secrets.text("error")).isEqualTo("NotFound");
        assertThat(secrets.text("reqId")).isEqualTo(secrets.header("X-Request-Id"));
    }

    @Test
    void metricsWhenScrapedThenPrometheusTextWithRouteTemplates() {
        server.get("/healthz", null);
        TestResponse r = server.get("/metrics", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.body()).contains("latchkey_http_server_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"}");
        assertThat(r.body()).contains("jvm_memory_used_bytes");
    }
}
