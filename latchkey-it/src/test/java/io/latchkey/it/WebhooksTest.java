package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.latchkey.core.webhook.WebhookSignature;
import io.latchkey.testkit.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.latchkey.it.SecretsFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks on secret changes, delivered to a local receiver: signed, retried with backoff, never carrying values. */
class WebhooksTest {
    static SecretsFixture f;
    static String project;
    static HttpServer receiver;
    static final List<Received> received = new CopyOnWriteArrayList<>();
    static final AtomicInteger failuresLeft = new AtomicInteger();

    record Received(String path, String signature, String event, String delivery, String body) {
    }

    @BeforeAll
    static void start() throws IOException {
        f = new SecretsFixture();
        project = f.project("hooks", "secret-manager");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            String b = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("X-Latchkey-Signature"),
                    ex.getRequestHeaders().getFirst("X-Latchkey-Event"), ex.getRequestHeaders().getFirst("X-Latchkey-Delivery"), b));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        f.close();
    }

    @BeforeEach
    void reset() {
        received.clear();
        failuresLeft.set(0);
    }

    static String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    static JsonNode create(String env, String secretPath, String receiverPath) {
        TestResponse r = f.server.post("/api/v1/webhooks", f.admin, body("workspaceId", project, "environment", env,
                "secretPath", secretPath, "webhookUrl", url(receiverPath)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<Received> await(String path, int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            List<Received> hits = received.stream().filter(r -> r.path().equals(path)).toList();
            if (hits.size() >= count) {
                return hits;
            }
            Thread.sleep(50);
        }
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void changeWhenWebhookMatchesThenSignedDeliveryWithNamesButNoValues() throws Exception {
        JsonNode created = create("dev", "/", "/signed");
        String secret = created.get("signingSecret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(created.get("webhook").get("url").asText()).isEqualTo(url("/signed"));
        assertThat(created.get("webhook").has("signingSecret")).isFalse();

        f.create(f.admin, project, "dev", "/", "HOOKED", "super-secret-webhook-value");
        List<Received> hits = await("/signed", 1, 5000);
        assertThat(hits).hasSize(1);
        Received r = hits.get(0);
        assertThat(r.event()).isEqualTo("secrets.modified");
        assertThat(r.delivery()).isNotBlank();
        assertThat(WebhookSignature.verify(secret.getBytes(StandardCharsets.UTF_8), r.signature(), r.body())).isTrue();
        assertThat(r.body()).contains("\"secretKey\":\"HOOKED\"").contains("\"action\":\"created\"").contains("\"environment\":\"dev\"");
        assertThat(r.body()).doesNotContain("super-secret-webhook-value");
        JsonNode listed = f.server.get("/api/v1/webhooks?workspaceId=" + project, f.admin).json().get("webhooks");
        assertThat(listed.toString()).doesNotContain(secret);
        assertThat(f.server.logs()).doesNotContain("super-secret-webhook-value").doesNotContain(secret);
    }

    @Test
    void deliveryWhenReceiverFailsThenRetriedWithBackoffUntilDelivered() throws Exception {
        String id = create("staging", "/", "/flaky").get("webhook").get("id").asText();
        failuresLeft.set(2);
        f.create(f.admin, project, "staging", "/", "RETRIED", "r");
        List<Received> hits = await("/flaky", 3, 10_000);
        assertThat(hits).hasSize(3);
        assertThat(hits).extracting(Received::delivery).containsOnly(hits.get(0).delivery());
        long deadline = System.currentTimeMillis() + 3000;
        JsonNode hook = null;
        while (System.currentTimeMillis() < deadline) {
            hook = find(f.server.get("/api/v1/webhooks?workspaceId=" + project, f.admin).json().get("webhooks"), id);
            if ("success".equals(hook.path("lastStatus").asText())) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(hook.get("lastStatus").asText()).isEqualTo("success");
    }

    @Test
    void scopeWhenChangeOutsideWebhookPathOrDisabledThenNoDelivery() throws Exception {
        f.folder(f.admin, project, "prod", "/", "db");
        String id = create("prod", "/db", "/scoped").get("webhook").get("id").asText();
        f.create(f.admin, project, "prod", "/", "OUTSIDE", "o");
        f.folder(f.admin, project, "prod", "/db", "inner");
        f.create(f.admin, project, "prod", "/db/inner", "INSIDE", "i");
        List<Received> hits = await("/scoped", 1, 5000);
        Thread.sleep(400);
        assertThat(received.stream().filter(r -> r.path().equals("/scoped")).toList()).hasSize(1);
        assertThat(hits.get(0).body()).contains("INSIDE").doesNotContain("OUTSIDE");

        TestResponse disabled = f.server.patch("/api/v1/webhooks/" + id, f.admin, body("isDisabled", true));
        assertThat(disabled.json().get("webhook").get("isDisabled").asBoolean()).isTrue();
        f.create(f.admin, project, "prod", "/db", "AFTER_DISABLE", "a");
        Thread.sleep(600);
        assertThat(received.stream().filter(r -> r.path().equals("/scoped")).toList()).hasSize(1);
        assertThat(f.server.delete("/api/v1/webhooks/" + id, f.admin).status()).isEqualTo(200);
        assertThat(find(f.server.get("/api/v1/webhooks?workspaceId=" + project, f.admin).json().get("webhooks"), id)).isNull();
    }

    @Test
    void testEndpointWhenCalledThenSignedTestEventAndStatusRecorded() throws Exception {
        JsonNode created = create("dev", "/", "/tested");
        String id = created.get("webhook").get("id").asText();
        TestResponse t = f.server.post("/api/v1/webhooks/" + id + "/test", f.admin, Map.of());
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        assertThat(t.json().get("webhook").get("lastStatus").asText()).isEqualTo("success");
        Received r = await("/tested", 1, 2000).get(0);
        assertThat(r.event()).isEqualTo("test");
        assertThat(WebhookSignature.verify(created.get("signingSecret").asText().getBytes(StandardCharsets.UTF_8), r.signature(),
                r.body())).isTrue();
        failuresLeft.set(1);
        assertThat(f.server.post("/api/v1/webhooks/" + id + "/test", f.admin, Map.of()).json().get("webhook")
                .get("lastRunErrorMessage").asText()).isEqualTo("HTTP 500");
    }

    @Test
    void createWhenBadUrlThen422() {
        assertThat(f.server.post("/api/v1/webhooks", f.admin, body("workspaceId", project, "environment", "dev",
                "webhookUrl", "ftp://example.com/x")).status()).isEqualTo(422);
        assertThat(f.server.post("/api/v1/webhooks", f.admin, body("workspaceId", project, "environment", "dev")).status())
                .isEqualTo(422);
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        return null;
    }
}
