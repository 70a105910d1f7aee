package io.latchkey.core.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Port: sends one webhook request. The server wires an HTTP client; the core only decides what to send
 * and what the answer means.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface WebhookTransport {

    /** POSTs {@code body} to {@code url}; completes with the response status, or exceptionally. */
    CompletableFuture<Integer> post(String url, Map<String, String> headers, String body, Duration timeout);
}
