package io.latchkey.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.latchkey.it.IsolationMatrix.Call;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mutation fuzzing of one well-formed call: each {@link #mutate} returns the call with one thing broken (a
 * JSON member given a hostile value or type, removed, duplicated or unknown; the text truncated or not
 * UTF-8; a query parameter or a path segment replaced; a hostile header). Driven by a seeded
 * {@link Random}, so a failure names the seed that reproduces it.
 */
final class RequestMutator {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A request as bytes on the wire. */
    record Wire(String method, String path, Map<String, String> headers, byte[] body, String what) {
    }

    /** Values of every JSON type and of the sizes and characters that break naive parsers and stores. */
    static final List<Object> HOSTILE = List.of("", " ", "\u0000", "x".repeat(70_000), "../../../etc/passwd", "%00",
            "'; DROP TABLE projects; --", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "\uD83D\uDE00",
            "\u202Eevil", "P" + "0".repeat(27), "00000000-0000-0000-0000-000000000000", "*", "?",
            -1, 0, Integer.MAX_VALUE, Long.MIN_VALUE, new java.math.BigInteger("9".repeat(40)), 1.5e308, -0.0, true, false,
            List.of(), List.of(List.of(List.of("x"))), Map.of(), Map.of("$ne", ""), List.of(Map.of("a", 1)));

    private final Random random;

    RequestMutator(long seed) {
        this.random = new Random(seed);
    }

    Wire mutate(Call call, String credential) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (credential != null) {
            headers.put("Authorization", "Bearer " + credential);
        }
        String body = call.body() == null ? null : json(call.body());
        String path = call.path();
        int kind = random.nextInt(call.body() instanceof Map<?, ?> m && !m.isEmpty() ? 12 : 7);
        String what;
        switch (kind) {
            case 0 -> {
                path = mutatePath(path);
                what = "path segment";
            }
            case 1 -> {
                path = mutateQuery(path);
                what = "query";
            }
            case 2 -> {
                mutateHeader(headers);
                what = "header " + headers.keySet();
            }
            case 3 -> {
                body = text(List.of("[]", "1", "\"s\"", "null", "{", "{\"a\":", "{} {}", "[" .repeat(3000),
                        "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}")); // root types, truncation, nesting
                what = "body text";
            }
            case 4 -> {
                headers.put("Content-Type", "application/json");
                return new Wire(call.method(), path, headers, invalidUtf8(body), "invalid UTF-8");
            }
            case 5 -> {
                headers.put("Content-Type", text(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=latin1")));
                body = body == null ? "{}" : body;
                what = "content type";
            }
            case 6 -> {
                body = body == null ? "{}" : body;
                body = body.substring(0, random.nextInt(body.length()));
                what = "truncated body";
            }
            default -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> copy = deepCopy((Map<String, Object>) call.body());
                what = mutateMember(copy);
                body = kind == 11 ? duplicateFirstKey(json(copy)) : json(copy);
                if (kind == 11) {
                    what = "duplicate key";
                }
            }
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", "application/json");
        }
        return new Wire(call.method(), path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8), what);
    }

    private String mutateMember(Map<String, Object> body) {
        List<String> keys = new ArrayList<>(body.keySet());
        String key = keys.get(random.nextInt(keys.size()));
        Object current = body.get(key);
        if (current instanceof Map<?, ?> inner && !inner.isEmpty() && random.nextBoolean()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) inner;
            return key + "." + mutateMember(m);
        }
        switch (random.nextInt(4)) {
            case 0 -> {
                body.remove(key);
                return "without " + key;
            }
            case 1 -> {
                body.put("unknownMember" + random.nextInt(100), hostile());
                return "unknown member";
            }
            default -> {
                Object v = hostile();
                body.put(key, v);
                return key + " = " + describe(v);
            }
        }
    }

    private String mutatePath(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String query = path.substring(bare.length());
        String[] segments = bare.split("/");
        int i = 1 + random.nextInt(segments.length - 1);
        String v = String.valueOf(hostile());
        segments[i] = URLEncoder.encode(v.substring(0, Math.min(2000, v.length())), StandardCharsets.UTF_8);
        if (segments[i].isEmpty()) {
            segments[i] = "%20";
        }
        return String.join("/", segments) + query;
    }

    private String mutateQuery(String path) {
        Object v = hostile();
        String value = URLEncoder.encode(v instanceof String s && s.length() > 4000 ? s.substring(0, 4000) : String.valueOf(v),
                StandardCharsets.UTF_8);
        if (!path.contains("?")) {
            return path + "?" + text(List.of("limit", "offset", "projectId", "workspaceId", "id", "environment", "from",
                    "outcome", "exclusiveStartKey", "type", "version", "secretPath", "recursive")) + "=" + value;
        }
        String[] parts = path.split("\\?", 2);
        String[] params = parts[1].split("&");
        int i = random.nextInt(params.length);
        String name = params[i].contains("=") ? params[i].substring(0, params[i].indexOf('=')) : params[i];
        params[i] = random.nextBoolean() ? name + "=" + value : params[i] + "&" + params[i].replaceFirst("=.*", "=") + value;
        return parts[0] + "?" + String.join("&", params);
    }

    private void mutateHeader(Map<String, String> headers) {
        switch (random.nextInt(5)) {
            case 0 -> headers.put("Authorization", "Bearer " + "a.b.c");
            case 1 -> headers.put("Authorization", text(List.of("Basic Zm9vOmJhcg==", "Bearer", "Bearer  ", "bearer x:y:z",
                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer " + "A".repeat(6000))));
            case 2 -> headers.put("X-Request-Id", text(List.of("../../x", "x".repeat(500), "\u00e9t\u00e9")));
            case 3 -> headers.put("X-Forwarded-For", text(List.of("not-an-ip", "999.1.1.1", "::1, ::2, garbage", "")));
            default -> headers.put("Accept", text(List.of("application/xml", "*/*;q=abc", "")));
        }
    }

    private Object hostile() {
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private String text(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String describe(Object v) {
        String s = String.valueOf(v);
        return (v == null ? "null" : v.getClass().getSimpleName()) + ":" + (s.length() > 40 ? s.substring(0, 40) + "..." : s);
    }

    private byte[] invalidUtf8(String body) {
        byte[] base = (body == null ? "{\"name\":\"x\"}" : body).getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(base, base.length + 2);
        int at = Math.max(1, random.nextInt(base.length));
        System.arraycopy(base, at, out, at + 2, base.length - at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28; // an invalid continuation byte
        return out;
    }

    private static String duplicateFirstKey(String json) {
        int colon = json.indexOf(':');
        if (!json.startsWith("{\"") || colon < 0) {
            return json;
        }
        String key = json.substring(1, colon);
        return "{" + key + ":1," + json.substring(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        try {
            return MAPPER.readValue(MAPPER.writeValueAsString(m), LinkedHashMap.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object body) {
        return SecretsFixture.json(body);
    }
}
