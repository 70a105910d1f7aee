package io.latchkey.http.common;

/**
 * Optional metrics hook: every method defaults to doing nothing, so the HTTP layer runs without a metrics
 * library and the server plugs Micrometer in.
 *
 * @since 0.1
 */
public interface HttpMetrics {
    HttpMetrics NONE = new HttpMetrics() {
    };

    /** One finished request: the route template (never the raw path, which may carry ids), status and time. */
    default void requestCompleted(String method, String route, int status, long nanos) {
    }

    /** One token minted, by kind ({@code user}, {@code pat}, {@code project}, ...). */
    default void tokenIssued(String kind) {
    }

    /** The Prometheus exposition text, or null when metrics are off. */
    default String scrape() {
        return null;
    }
}
