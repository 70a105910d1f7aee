package io.latchkey.sdk.internal;

import io.latchkey.sdk.ApiError;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.HttpTransport;
import io.latchkey.sdk.LatchkeyApiException;
import io.latchkey.sdk.NetworkException;
import io.latchkey.sdk.RenewalContext;
import io.latchkey.sdk.UnauthorizedException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs API calls: checks the auth mode before anything touches the network, asks the credentials for a
 * token (renewing it when due), sends, decodes the answer or the typed error, and retries idempotent calls
 * as the {@link io.latchkey.sdk.RetryPolicy} says.
 *
 * <p>Each attempt sends its own {@code X-Request-Id}, so a failure without a response still has an id the
 * server may have logged. A token the server rejects is handed back to the credentials, so that a renewing
 * credential renews on the next call (not in a loop within this one).
 *
 * @since 0.1
 */
public final class ApiExecutor implements RenewalContext {
    public static final String USER_AGENT = "latchkey-sdk-java/0.1.0";

    private final ClientSettings settings;
    private final Credentials credentials;
    private final ErrorDecoder errors;
    private final Backoff backoff;

    public ApiExecutor(ClientSettings settings, Credentials credentials) {
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
        this.credentials = Objects.requireNonNull(credentials, "credentials cannot be null");
        this.errors = new ErrorDecoder(settings.clock());
        this.backoff = new Backoff(settings.retryPolicy());
    }

    public ClientSettings settings() {
        return settings;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** Runs a call; throws the typed error when it fails. */
    public <T> T execute(ApiCall<T> call) {
        call.auth().check(credentials.mode());
        return run(call, call.auth().sendsCredentials() ? () -> credentials.accessToken(this) : () -> null, true);
    }

    /**
     * Runs a call that authenticates with a secret the caller supplies rather than the client's credentials
     * (a credential exchange, such as the access-key exchange's {@code Bearer <projectId>:<key>}). The
     * client's own credentials are neither checked nor sent nor invalidated.
     */
    public <T> T executeWithBearer(ApiCall<T> call, String bearer) {
        Objects.requireNonNull(bearer, "bearer cannot be null");
        return run(call, () -> bearer, false);
    }

    private <T> T run(ApiCall<T> call, Supplier<String> tokens, boolean ownCredentials) {
        for (int retry = 1; ; retry++) {
            String token = tokens.get();
            String requestId = UUID.randomUUID().toString();
            HttpTransport.Response response = send(request(call, token, requestId));
            if (call.accepts(response.status())) {
                return decode(call, response, requestId);
            }
            LatchkeyApiException error = errors.decode(response, requestId);
            if (ownCredentials && token != null && error instanceof UnauthorizedException) {
                credentials.invalidate(token);
            }
            Optional<Duration> delay = backoff.delayBefore(retry, call.idempotent(), error);
            if (delay.isEmpty()) {
                throw error;
            }
            sleep(delay.get(), requestId);
        }
    }

    @Override
    public Clock clock() {
        return settings.clock();
    }

    @Override
    public <T> T postJson(String path, Object body, Class<T> responseType) {
        return execute(ApiCall.post(path, body, responseType, AuthPolicy.none()));
    }

    @Override
    public <T> T postJson(String path, Object body, String bearerToken, Class<T> responseType) {
        return executeWithBearer(ApiCall.post(path, body, responseType, AuthPolicy.none()), bearerToken);
    }

    @Override
    public URI baseUrl() {
        return settings.baseUrl();
    }

    @Override
    public <T> T postForm(String path, Map<String, String> fields, Class<T> responseType) {
        Objects.requireNonNull(fields, "fields cannot be null");
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(formEncode(k)).append('=').append(formEncode(v)));
        ApiCall<T> call = ApiCall.post(path, null, responseType, AuthPolicy.none());
        String requestId = UUID.randomUUID().toString();
        HttpTransport.Request json = request(call, null, requestId);
        Map<String, String> headers = new LinkedHashMap<>(json.headers());
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return once(call, new HttpTransport.Request("POST", json.uri(), headers,
                form.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), settings.timeout()), requestId);
    }

    /** One attempt, never retried: the calls a renewal makes. */
    private <T> T once(ApiCall<T> call, HttpTransport.Request request, String requestId) {
        HttpTransport.Response response = send(request);
        if (call.accepts(response.status())) {
            return decode(call, response, requestId);
        }
        throw errors.decode(response, requestId);
    }

    private static String formEncode(String s) {
        return java.net.URLEncoder.encode(Objects.requireNonNull(s, "form values cannot be null"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private HttpTransport.Request request(ApiCall<?> call, String token, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>(settings.headers());
        headers.put("Accept", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-Request-Id", requestId);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        byte[] body = null;
        if (call.body() != null) {
            headers.put("Content-Type", "application/json");
            body = json(call.body());
        }
        URI uri = URI.create(settings.baseUrl().toString() + call.target());
        return new HttpTransport.Request(call.method(), uri, headers, body, settings.timeout());
    }

    private static byte[] json(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body as JSON", e);
        }
    }

    private HttpTransport.Response send(HttpTransport.Request request) {
        String requestId = request.header("X-Request-Id");
        try {
            return Objects.requireNonNull(settings.transport().send(request), "the transport returned no response");
        } catch (HttpTimeoutException e) {
            throw new NetworkException(request.method() + " " + request.uri() + " timed out after "
                    + settings.timeout().toMillis() + " ms", requestId, e);
        } catch (IOException e) {
            throw new NetworkException("could not reach " + request.uri().getScheme() + "://" + request.uri().getAuthority()
                    + ": " + describe(e), requestId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted while waiting for " + request, requestId, e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private <T> T decode(ApiCall<T> call, HttpTransport.Response response, String sentRequestId) {
        if (call.responseType().getRawClass() == Void.class || response.body().length == 0) {
            return null;
        }
        try {
            return Json.mapper().readValue(response.body(), call.responseType());
        } catch (IOException e) {
            String requestId = response.header("X-Request-Id") != null ? response.header("X-Request-Id") : sentRequestId;
            throw new LatchkeyApiException(new ApiError(response.status(), requestId, "unexpected_response", null,
                    "the server's answer to " + call.method() + " " + call.path() + " is not the expected JSON", List.of()), e);
        }
    }

    private void sleep(Duration delay, String requestId) {
        try {
            settings.retryPolicy().sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted while waiting to retry", requestId, e);
        }
    }
}
