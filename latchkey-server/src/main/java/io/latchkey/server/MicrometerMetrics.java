package io.latchkey.server;

import io.latchkey.http.common.HttpMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@link HttpMetrics} over Micrometer with a Prometheus registry: request counts and latencies per route
 * template and status, tokens issued per kind, JVM and process metrics.
 *
 * @since 0.1
 */
final class MicrometerMetrics implements HttpMetrics, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> tokenCounters = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    MicrometerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void requestCompleted(String method, String route, int status, long nanos) {
        String key = method + ' ' + route + ' ' + status;
        timers.computeIfAbsent(key, k -> Timer.builder("latchkey.http.server.requests")
                .description("HTTP requests by route template")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram(false)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void tokenIssued(String kind) {
        tokenCounters.computeIfAbsent(kind, k -> Counter.builder("latchkey.tokens.issued")
                .description("Tokens issued by kind").tag("kind", k).register(registry)).increment();
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
