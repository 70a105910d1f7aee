package io.latchkey.sdk;

import io.latchkey.sdk.internal.JdkHttpTransport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sends one HTTP exchange. The client does everything else (authentication, retries, errors, JSON), so a
 * transport is small: tests replace the network with a fake, and applications can plug in a configured
 * {@link HttpClient} (proxy, TLS trust) through {@link #jdk(HttpClient)}.
 *
 * <p>Implementations must be thread-safe, must not follow redirects (a redirect would carry the
 * {@code Authorization} header to another place), and throw {@link IOException} when no response arrives
 * (the client turns it into a {@link NetworkException}).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface HttpTransport {

    /**
     * Sends the request and returns the response, whatever its status.
     *
     * @throws IOException          when the connection fails or the request times out
     * @throws InterruptedException when the calling thread is interrupted
     */
    Response send(Request request) throws IOException, InterruptedException;

    /** The default transport: the JDK's {@link HttpClient}, never following redirects. */
    static HttpTransport jdk(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout cannot be null");
        return new JdkHttpTransport(HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /**
     * A transport over an {@link HttpClient} you configured. Warning: a client that follows redirects
     * forwards your credentials to wherever the server redirects.
     */
    static HttpTransport jdk(HttpClient client) {
        return new JdkHttpTransport(Objects.requireNonNull(client, "client cannot be null"));
    }

    /**
     * One request.
     *
     * @param method  HTTP method, upper case
     * @param uri     absolute URI including the query
     * @param headers header names to values (names as the client wrote them)
     * @param body    the body, or null for none
     * @param timeout how long to wait for the whole response
     */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        public Request {
            Objects.requireNonNull(method, "method cannot be null");
            Objects.requireNonNull(uri, "uri cannot be null");
            Objects.requireNonNull(timeout, "timeout cannot be null");
            headers = Map.copyOf(Objects.requireNonNull(headers, "headers cannot be null"));
        }

        /** A header by case-insensitive name, or null. */
        public String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            // INVARIANT: never prints header values or the body; they carry credentials.
            return method + " " + uri;
        }
    }

    /**
     * One response.
     *
     * @param status  HTTP status
     * @param headers header names (lower case) to values
     * @param body    the body, empty when there is none
     */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        public Response {
            Map<String, List<String>> h = new TreeMap<>();
            Objects.requireNonNull(headers, "headers cannot be null")
                    .forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            headers = Map.copyOf(h);
            body = body == null ? new byte[0] : body;
        }

        /** The first value of a header by case-insensitive name, or null. */
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }
}
