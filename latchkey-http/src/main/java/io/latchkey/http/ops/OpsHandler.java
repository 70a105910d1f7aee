package io.latchkey.http.ops;

import io.javalin.http.Context;
import io.latchkey.core.support.Require;
import io.latchkey.http.HttpServices;

import java.util.List;
import java.util.Map;

/**
 * Operations endpoints: {@code /healthz} (the process answers), {@code /readyz} (storage reachable and the
 * instance bootstrapped, with reasons when not), {@code /metrics} (Prometheus text).
 *
 * @since 0.1
 */
public final class OpsHandler {
    private final HttpServices services;

    public OpsHandler(HttpServices services) {
        this.services = Require.nonNull(services, "services");
    }

    public void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    public void ready(Context ctx) {
        List<String> problems = services.readinessProblems().get();
        if (problems.isEmpty()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            ctx.status(503).json(Map.of("status", "not_ready", "reasons", problems));
        }
    }

    public void metrics(Context ctx) {
        String text = services.metrics().scrape();
        if (text == null) {
            ctx.status(404).result("metrics are disabled\n");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(text);
    }
}
