package io.latchkey.server;

import io.latchkey.core.webhook.WebhookTransport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends webhook requests with the JDK's HTTP client, asynchronously. Redirects are not followed (a
 * receiver that moves must be updated, not silently chased) and response bodies are discarded unread.
 *
 * @since 0.1
 */
final class JdkWebhookTransport implements WebhookTransport {
    /** Built on first use: a client starts a selector thread and a TLS context, a tenth of start-up. */
    private volatile HttpClient client;

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public CompletableFuture<Integer> post(String url, Map<String, String> headers, String body, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return client().sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}
