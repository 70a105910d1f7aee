package io.latchkey.it;

import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class GracefulShutdownTest {

    @Test
    void closeWhenRequestsInFlightThenTheyFinish() throws Exception {
        // Real Argon2id parameters make each login take tens of milliseconds: long enough to be in flight. Four requests
        // keep the total well inside the drain timeout even on a two-core machine that is busy with other test forks.
        TestServer s = TestServer.start(Map.of("argon2-memory-kib", "65536", "argon2-iterations", "3"));
        s.bootstrap();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String body = "{\"email\":\"" + TestServer.OWNER_EMAIL + "\",\"password\":\"" + TestServer.OWNER_PASSWORD + "\"}";
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inFlight.add(client.sendAsync(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/iam/v1/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        // Long enough for every request to reach a handler (each then takes much longer in Argon2id);
        // requests that arrive after shutdown has begun are refused with 503, which is not what this tests.
        Thread.sleep(500);
        s.close();
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }
}
