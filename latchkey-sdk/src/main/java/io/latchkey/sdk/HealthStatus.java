package io.latchkey.sdk;

/**
 * Answer of {@code /healthz}: {@code ok} while the process runs.
 *
 * @since 0.1
 */
public record HealthStatus(String status) {
}
