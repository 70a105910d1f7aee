package io.latchkey.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Node.js compatibility suite (a folder under compat/ with a package.json pinning a vendor's
 * client to an exact version, a package-lock.json, and a script) against a running server.
 *
 * <p>{@code npm ci} runs once per folder and build (again only when the lock file is newer than
 * node_modules). The script gets the server's URL and credentials through environment variables, prints
 * what it does, and exits non-zero on the first failed expectation; its output becomes the assertion
 * message.
 */
final class NodeSuite {
    private static final Path COMPAT = Path.of(System.getProperty("latchkey.compat.dir", "."));

    private NodeSuite() {
    }

    /** Runs {@code node <script>} in compat/{@code suite}; throws AssertionError with its output on failure. */
    static String run(String suite, String script, Map<String, String> env) {
        Path dir = COMPAT.resolve(suite).toAbsolutePath();
        install(dir);
        return exec(dir, List.of("node", script), env, 300);
    }

    private static synchronized void install(Path dir) {
        Path modules = dir.resolve("node_modules");
        Path lock = dir.resolve("package-lock.json");
        try {
            if (Files.isDirectory(modules) && Files.getLastModifiedTime(modules).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
                return;
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        exec(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 600);
        try {
            Files.setLastModifiedTime(modules, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String exec(Path dir, List<String> command, Map<String, String> env, int timeoutSeconds) {
        try {
            Path log = Files.createTempFile("latchkey-compat-", ".log");
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            System.out.println(out);
            if (!finished || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " in " + dir + " failed"
                        + (finished ? " with exit code " + p.exitValue() : " (timed out)") + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + " (is Node.js installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
