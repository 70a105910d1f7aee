package io.latchkey.sdk.internal;

import com.fasterxml.jackson.databind.JavaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One API call as a resource describes it: method, path, query, body, the type of the answer, the
 * credentials it accepts, and statuses other than 2xx it reads as an answer.
 *
 * @since 0.1
 */
public record ApiCall<T>(String method, String path, Map<String, String> query, Object body, JavaType responseType,
                         AuthPolicy auth, Set<Integer> alsoAccepted) {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    public ApiCall {
        Objects.requireNonNull(method, "method cannot be null");
        Objects.requireNonNull(path, "path cannot be null");
        Objects.requireNonNull(responseType, "responseType cannot be null");
        Objects.requireNonNull(auth, "auth cannot be null");
        query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
        alsoAccepted = Set.copyOf(alsoAccepted);
    }

    public static <T> ApiCall<T> get(String path, Class<T> type, AuthPolicy auth) {
        return new ApiCall<>("GET", path, Map.of(), null, Json.mapper().constructType(type), auth, Set.of());
    }

    public static <T> ApiCall<T> post(String path, Object body, Class<T> type, AuthPolicy auth) {
        return new ApiCall<>("POST", path, Map.of(), body, Json.mapper().constructType(type), auth, Set.of());
    }

    public static <T> ApiCall<T> put(String path, Object body, Class<T> type, AuthPolicy auth) {
        return new ApiCall<>("PUT", path, Map.of(), body, Json.mapper().constructType(type), auth, Set.of());
    }

    public static <T> ApiCall<T> patch(String path, Object body, Class<T> type, AuthPolicy auth) {
        return new ApiCall<>("PATCH", path, Map.of(), body, Json.mapper().constructType(type), auth, Set.of());
    }

    /** A DELETE whose answer (typically 204) carries no body. */
    public static ApiCall<Void> delete(String path, AuthPolicy auth) {
        return new ApiCall<>("DELETE", path, Map.of(), null, Json.mapper().constructType(Void.class), auth, Set.of());
    }

    /** Adds a query parameter; null values are left out. */
    public ApiCall<T> query(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(name, value.toString());
        return new ApiCall<>(method, path, q, body, responseType, auth, alsoAccepted);
    }

    /** Reads a response with this status as an answer rather than an error (e.g. 503 of {@code /readyz}). */
    public ApiCall<T> accepting(int status) {
        return new ApiCall<>(method, path, query, body, responseType, auth, Set.of(status));
    }

    public boolean idempotent() {
        return IDEMPOTENT.contains(method);
    }

    public boolean accepts(int status) {
        return (status >= 200 && status < 300) || alsoAccepted.contains(status);
    }

    /** Path and query, encoded. */
    public String target() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder b = new StringBuilder(path).append('?');
        query.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '?' ? "" : "&")
                .append(encode(k)).append('=').append(encode(v)));
        return b.toString();
    }

    /** One path segment, percent-encoded (a user id cannot reach another path). */
    public static String segment(String value) {
        Objects.requireNonNull(value, "path segment cannot be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("path segment cannot be blank");
        }
        return encode(value);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
