package io.latchkey.it.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the distribution's command line ({@code io.latchkey.app.Main}) as a separate JVM on the test
 * classpath, with its own config folder, and captures exit code, stdout and stderr.
 */
final class CliProcess {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Result(int exit, String out, String err) {
        /** Stdout parsed as exactly one JSON document: anything before or after it fails. */
        JsonNode json() {
            try {
                return STRICT.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not exactly one JSON document:\n" + out + "\nstderr:\n" + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path configDir;
    private final Map<String, String> env = new HashMap<>();

    CliProcess() throws IOException {
        this.configDir = Files.createTempDirectory("latchkey-cli-it-");
        env.put("LATCHKEY_CONFIG_DIR", configDir.toString());
    }

    Path configDir() {
        return configDir;
    }

    /** The JVM command line for {@code latchkey <args>}; fast start-up flags, since these JVMs live a second. */
    static List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "io.latchkey.app.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    Map<String, String> environment() {
        return env;
    }

    Result run(String... args) {
        return run(Map.of(), args);
    }

    Result run(Map<String, String> extraEnv, String... args) {
        return runWithInput(extraEnv, new byte[0], args);
    }

    /** Runs with {@code stdin} as standard input (then closed). */
    Result runWithInput(Map<String, String> extraEnv, byte[] stdin, String... args) {
        ProcessBuilder pb = new ProcessBuilder(command(args));
        pb.environment().remove("LATCHKEY_TOKEN");
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread o = pump(p.getInputStream(), out);
            Thread e = pump(p.getErrorStream(), err);
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("latchkey " + String.join(" ", args) + " did not finish in " + TIMEOUT);
            }
            o.join();
            e.join();
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot start the command line", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static Thread pump(InputStream in, OutputStream sink) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "cli-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
