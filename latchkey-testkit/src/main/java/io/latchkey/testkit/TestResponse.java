package io.latchkey.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpHeaders;

/**
 * A response as tests see it: status, headers, body text, and the body parsed as JSON on demand.
 *
 * @since 0.1
 */
public record TestResponse(int status, HttpHeaders headers, String body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("response body is not JSON (status " + status + "): " + body, e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** A string member of the JSON body by dotted path, e.g. {@code identity.credentials.token}. */
    public String text(String path) {
        JsonNode n = json();
        for (String p : path.split("\\.")) {
            n = n.path(p);
        }
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + body;
    }
}
