package io.latchkey.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latchkey.core.crypto.RootKey;
import io.latchkey.server.LatchkeyServer;
import io.latchkey.server.ServerConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real Latchkey server on a free loopback port over a fresh database, in one line:
 * {@code try (TestServer s = TestServer.start()) { ... }}. Uses the backend chosen by
 * {@code -Dlatchkey.test.backend}. The server can be restarted on the same database and root key to test
 * durability, and its logs are captured.
 *
 * @since 0.1
 */
public final class TestServer implements AutoCloseable {
    public static final String OWNER_EMAIL = "owner@example.com";
    public static final String OWNER_PASSWORD = "correct horse battery staple";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TestDatabase database;
    private final String rootKey;
    private final Map<String, String> extraSettings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LogCapture logs;
    private LatchkeyServer server;
    private int port;

    private final boolean ownsDatabase;

    private TestServer(TestDatabase database, String rootKey, Map<String, String> extraSettings, boolean ownsDatabase) {
        this.ownsDatabase = ownsDatabase;
        this.database = database;
        this.rootKey = rootKey;
        this.extraSettings = extraSettings;
        this.logs = LogCapture.attach();
        this.port = freePort();
        this.server = launch();
    }

    /** A server on the selected backend with default settings. */
    public static TestServer start() {
        return start(Map.of());
    }

    /** A server with extra settings (keys as in ConfigKey, e.g. {@code user-token-ttl}). */
    public static TestServer start(Map<String, String> settings) {
        return new TestServer(TestDatabase.create(Backend.current()), RootKey.generate().toBase64(), settings, true);
    }

    /**
     * Another node on an existing database with the same root key (several nodes behind one load balancer).
     * Give every node the same {@code public-url} so tokens minted by one carry the issuer the others expect.
     * The caller owns the database and drops it.
     */
    public static TestServer node(TestDatabase database, String rootKey, Map<String, String> settings) {
        return new TestServer(database, rootKey, settings, false);
    }

    private LatchkeyServer launch() {
        Map<String, String> flags = new LinkedHashMap<>();
        // The port stays the same across restarts: the issuer (and so every minted token) names it.
        flags.put("port", Integer.toString(port));
        flags.put("data-dir", database.dataDir().toString());
        flags.put("db-url", database.jdbcUrl());
        flags.put("root-key", rootKey);
        flags.put("db-pool-size", "8");
        // Cheaper Argon2id keeps suites fast; production defaults are exercised by the unit tests.
        flags.put("argon2-memory-kib", "4096");
        flags.put("argon2-iterations", "1");
        flags.putAll(extraSettings);
        return LatchkeyServer.start(ServerConfig.load(flags, Map.of(), null));
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops and starts the server on the same database and root key (a new port). */
    public void restart() {
        server.close();
        server = launch();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** The routes the running server serves, as {@code "METHOD /path/{param}"}. */
    public java.util.List<String> routes() {
        return server.routes();
    }

    public TestDatabase database() {
        return database;
    }

    public String rootKey() {
        return rootKey;
    }

    public String logs() {
        return logs.text();
    }

    private String adminToken;

    /** The instance-admin token from this server's {@link #bootstrap()} (bootstrapping if not done yet). */
    public String bootstrapOrAdminToken() {
        if (adminToken == null) {
            bootstrap();
        }
        return adminToken;
    }

    /** Bootstraps with {@link #OWNER_EMAIL}; returns the bootstrap response. */
    public TestResponse bootstrap() {
        TestResponse r = post("/api/v1/admin/bootstrap", null,
                Map.of("email", OWNER_EMAIL, "password", OWNER_PASSWORD, "organization", "Acme"));
        if (r.status() != 200) {
            throw new AssertionError("bootstrap failed: " + r);
        }
        adminToken = r.text("identity.credentials.token");
        return r;
    }

    /** Logs in and returns the user token. */
    public String login(String email, String password) {
        TestResponse r = post("/iam/v1/login", null, Map.of("email", email, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r);
        }
        return r.text("accessToken");
    }

    /** Posts an application/x-www-form-urlencoded body (the token endpoint's format). */
    public TestResponse form(String path, Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        });
        return raw("POST", path, null, "application/x-www-form-urlencoded", sb.toString());
    }

    /** The token endpoint URL clients put in assertion audiences. */
    public String tokenEndpoint() {
        return baseUrl() + "/auth/oauth2/token";
    }

    public TestResponse get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public TestResponse delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public TestResponse post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    public TestResponse patch(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    public TestResponse put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** Sends a raw body with the given method and content type. */
    public TestResponse raw(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder b = request(path, token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public TestResponse send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestResponse(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String json(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            logs.detach();
            if (ownsDatabase) {
                database.drop();
            }
        }
    }
}
