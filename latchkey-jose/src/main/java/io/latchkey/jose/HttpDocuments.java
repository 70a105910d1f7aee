package io.latchkey.jose;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches small documents (JWK sets, OIDC discovery documents) from URLs that {@link RemoteJwks#checkUri}
 * accepted: a short timeout, no redirects, a size cap. Returns null for anything but a 200 within the cap,
 * so callers decide how to report it.
 *
 * @since 0.1
 */
final class HttpDocuments {
    static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpDocuments() {
    }

    /** The body as UTF-8 text, or null when the document could not be read. */
    static String get(String uri) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> r = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                return r.statusCode() == 200 && body.length <= MAX_BYTES ? new String(body, StandardCharsets.UTF_8) : null;
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
