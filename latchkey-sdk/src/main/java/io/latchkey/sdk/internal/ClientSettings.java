package io.latchkey.sdk.internal;

import io.latchkey.sdk.HttpTransport;
import io.latchkey.sdk.RetryPolicy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The validated, immutable settings of a client (everything but its credentials).
 *
 * @since 0.1
 */
public record ClientSettings(URI baseUrl, HttpTransport transport, Duration timeout, Map<String, String> headers,
                             Clock clock, RetryPolicy retryPolicy) {

    public ClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl cannot be null");
        Objects.requireNonNull(transport, "transport cannot be null");
        Objects.requireNonNull(timeout, "timeout cannot be null");
        Objects.requireNonNull(clock, "clock cannot be null");
        Objects.requireNonNull(retryPolicy, "retryPolicy cannot be null");
        headers = Map.copyOf(headers);
    }
}
