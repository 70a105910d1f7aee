package io.latchkey.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A network in memory: routes "METHOD /path" (query ignored) to handlers, counts and records every request. */
final class FakeTransport implements HttpTransport {

    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws IOException, InterruptedException;
    }

    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeTransport on(String route, Handler handler) {
        routes.put(route, handler);
        return this;
    }

    /** Answers the route with each response in turn, repeating the last one. */
    FakeTransport sequence(String route, Response... responses) {
        AtomicInteger i = new AtomicInteger();
        return on(route, r -> responses[Math.min(i.getAndIncrement(), responses.length - 1)]);
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        String route = request.method() + " " + request.uri().getPath();
        requests.add(request);
        counts.computeIfAbsent(route, k -> new AtomicInteger()).incrementAndGet();
        Handler h = routes.get(route);
        if (h == null) {
            return json(404, "{\"name\":\"NotFoundError\",\"message\":\"no route " + route + "\"}");
        }
        return h.handle(request);
    }

    int count(String route) {
        AtomicInteger c = counts.get(route);
        return c == null ? 0 : c.get();
    }

    int total() {
        return requests.size();
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    Request last() {
        return requests.get(requests.size() - 1);
    }

    static Response json(int status, String body) {
        return json(status, body, Map.of());
    }

    static Response json(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        h.put("content-type", List.of("application/json"));
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new Response(status, h, body.getBytes(StandardCharsets.UTF_8));
    }
}
