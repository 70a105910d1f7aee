package io.latchkey.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server in its own process (the Latchkey app jar, or Keycloak's kc.sh, which execs its JVM so the pid is
 * the JVM's). Output goes to a log file; {@link #start} returns once the readiness probe answers 200.
 */
final class ForkedServer implements ServerHandle {
    private final String name;
    private final String host;
    private final int port;
    private final Process process;
    private final long readyMillis;
    private final Path log;

    private ForkedServer(String name, String host, int port, Process process, long readyMillis, Path log) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.process = process;
        this.readyMillis = readyMillis;
        this.log = log;
    }

    static ForkedServer start(String name, List<String> command, Map<String, String> env, Path workDir, Path log,
                              String host, int port, String probePath, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p;
        try {
            Files.createDirectories(log.getParent());
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI probe = URI.create("http://" + host + ":" + port + probePath);
        long deadline = t0 + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + " before it was ready; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    return new ForkedServer(name, host, port, p, ms, log);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(20);
        }
        p.destroyForcibly();
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean inProcess() {
        return false;
    }

    @Override
    public long readyMillis() {
        return readyMillis;
    }

    Path log() {
        return log;
    }

    /** Graceful stop (SIGTERM), then a forced one after 40 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
