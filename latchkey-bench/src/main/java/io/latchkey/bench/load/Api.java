package io.latchkey.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over java.net.http for preparing data before a run (not measured). Any unexpected status fails the
 * preparation with the answer's body, which never holds a credential we sent.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    JsonNode post(String path, String bearer, Object body, int... expected) {
        return send("POST", path, bearer, "application/json", json(body), expected);
    }

    JsonNode put(String path, String bearer, Object body, int... expected) {
        return send("PUT", path, bearer, "application/json", json(body), expected);
    }

    JsonNode get(String path, String bearer, int... expected) {
        return send("GET", path, bearer, null, null, expected);
    }

    JsonNode form(String path, String bearer, Map<String, String> fields, int... expected) {
        return send("POST", path, bearer, "application/x-www-form-urlencoded", Request.form(fields), expected);
    }

    JsonNode send(String method, String path, String bearer, String contentType, String body, int... expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        int[] ok = expected.length == 0 ? new int[] {200, 201} : expected;
        boolean good = false;
        for (int s : ok) {
            good |= r.statusCode() == s;
        }
        if (!good) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(method + " " + path + " answered no JSON: " + r.body(), e);
        }
    }

    static String json(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String text(JsonNode node, String dottedPath) {
        JsonNode n = node;
        for (String part : dottedPath.split("\\.")) {
            n = n.path(part);
        }
        if (n.isMissingNode() || n.isNull()) {
            throw new IllegalStateException("answer has no " + dottedPath + ": " + node);
        }
        return n.asText();
    }
}
