package io.latchkey.bench.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 request as bytes: the head (request line and headers, ending with the blank line) and the body.
 */
record Request(byte[] head, byte[] body) {
    static final byte[] EMPTY = new byte[0];

    /** A request with an optional bearer token and body of the given content type. */
    static Request of(String method, String hostPort, String path, String authorization, String contentType,
                      String body) {
        byte[] b = body == null ? EMPTY : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostPort).append("\r\n")
                .append("Accept: application/json\r\n");
        if (authorization != null) {
            h.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (contentType != null) {
            h.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (b.length > 0 || !method.equals("GET")) {
            h.append("Content-Length: ").append(b.length).append("\r\n");
        }
        h.append("\r\n");
        return new Request(h.toString().getBytes(StandardCharsets.ISO_8859_1), b);
    }

    /** An {@code application/x-www-form-urlencoded} body. */
    static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static Map<String, String> fields(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
