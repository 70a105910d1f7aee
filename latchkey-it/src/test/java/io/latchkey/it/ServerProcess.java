package io.latchkey.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.latchkey.testkit.TestDatabase;
import io.latchkey.testkit.TestResponse;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The distribution ({@code io.latchkey.app.Main serve}) as a separate JVM on a test database: what the crash
 * and soak suites need and the in-process {@code TestServer} cannot give, namely a {@code kill -9} that
 * takes the whole process down at once, and a process whose memory and threads are its own to measure.
 * Settings, the root key among them, go in through the environment (never the command line, which
 * {@code ps} shows); the
 * process's output goes to {@code server.log} in the database's folder and is printed when a start fails.
 */
final class ServerProcess implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final TestDatabase database;
    private final String rootKey;
    private final int port;
    private final Map<String, String> settings;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;

    private ServerProcess(TestDatabase database, String rootKey, Map<String, String> settings, List<String> jvmOptions) {
        this.database = database;
        this.rootKey = rootKey;
        this.port = freePort();
        this.settings = settings;
        this.jvmOptions = jvmOptions;
        this.log = database.dataDir().resolve("server.log");
    }

    /** Starts the server and waits until it answers {@code /healthz}. */
    static ServerProcess start(TestDatabase database, String rootKey, Map<String, String> settings, List<String> jvmOptions) {
        ServerProcess p = new ServerProcess(database, rootKey, settings, jvmOptions);
        p.launch();
        return p;
    }

    private void launch() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.latchkey.app.Main", "serve"));
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("port", Integer.toString(port));
        flags.put("data-dir", database.dataDir().toString());
        flags.put("db-url", database.jdbcUrl());
        flags.put("argon2-memory-kib", "4096");
        flags.put("argon2-iterations", "1");
        flags.putAll(settings);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Every setting through its environment variable, as an operator's unit file would give them.
        pb.environment().keySet().removeIf(k -> k.startsWith("LATCHKEY_"));
        flags.forEach((k, v) -> pb.environment().put("LATCHKEY_" + k.toUpperCase(Locale.ROOT).replace('-', '_'), v));
        pb.environment().put("LATCHKEY_ROOT_KEY", rootKey);
        // As docs/OPERATIONS.md advises: glibc's per-thread malloc arenas otherwise add tens of MiB of
        // RSS on a many-threaded server without any leak.
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the server process", e);
        }
        awaitHealthy(Duration.ofSeconds(60));
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server process exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (get("/healthz", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(100);
        }
        throw new AssertionError("the server did not answer /healthz within " + timeout.toSeconds() + " s:\n" + logTail());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. Waits until the process is gone. */
    void kill9() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the server process survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts the process again on the same database, root key and port (tokens name the port in their issuer). */
    void restart() {
        if (process.isAlive()) {
            kill9();
        }
        launch();
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The last 4 000 characters of the process's output. */
    String logTail() {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    TestResponse get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    TestResponse post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    TestResponse patch(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** Sends; an I/O failure (the process died mid-request) is an {@link IllegalStateException}. */
    TestResponse send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestResponse(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(40, TimeUnit.SECONDS)) {
                    kill9();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
