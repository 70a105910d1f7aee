package io.latchkey.bench.load;

import io.latchkey.core.crypto.RootKey;
import io.latchkey.jose.CryptoProvider;
import io.latchkey.testkit.Backend;
import io.latchkey.testkit.TestDatabase;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The loopback load generator (issue 7): starts a fresh Latchkey per storage backend, prepares its data
 * through the API, restarts it on the now existing database (the ready time the report gives), and drives
 * each flow for a fixed time at a fixed concurrency; with {@code --keycloak} it also starts Keycloak and runs
 * its comparable flow right after each Latchkey flow, so the machine's drift hits both alike. Writes
 * {@code report.json} and {@code report.md} and prints the table. {@code bench/run} is the one command that
 * builds everything, runs the JMH ceilings and then this.
 *
 * @since 0.1
 */
public final class LoadBench {
    private static final String HOST = "127.0.0.1";

    /** Starts Latchkey on a database; forked from the app jar, or in this JVM for the CI smoke run. */
    @FunctionalInterface
    public interface LatchkeyLauncher {
        /** The port stays the same across restarts: the issuer, and so every token minted, names it. */
        ServerHandle start(TestDatabase database, String rootKey, int port);
    }

    private final BenchOptions options;
    private final LatchkeyLauncher launcher;
    private final Report report;

    LoadBench(BenchOptions options, LatchkeyLauncher launcher, Report report) {
        this.options = options;
        this.launcher = launcher;
        this.report = report;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.serverJar())) {
            System.err.println("no server jar at " + options.serverJar() + "; run bench/run (or mvn -pl latchkey-app -am package)");
            System.exit(2);
        }
        Report report = new Report(options, serverJdk(options.serverJava()),
                options.jmh().isEmpty() ? Ceilings.none() : Ceilings.fromJmh(options.jmh()));
        new LoadBench(options, forked(options), report).run();
        report.write(options.out());
        System.out.println(report.markdown());
        System.out.println("written: " + options.out().resolve("report.json") + ", " + options.out().resolve("report.md"));
    }

    /** Runs every backend (and Keycloak when configured); the results are in the report. */
    Report run() {
        report.loadBefore(loadAverage());
        ForkedServer keycloak = options.keycloakHome() == null ? null : startKeycloak();
        KeycloakFixture peer = null;
        try {
            if (keycloak != null) {
                report.startup("keycloak", "dev-file", keycloak.readyMillis());
            }
            for (String backend : options.backends()) {
                if (keycloak != null && peer == null) {
                    peer = prepareKeycloak(keycloak);
                    keycloak = restartKeycloak(keycloak);
                    report.startup("keycloak", "dev-file (existing)", keycloak.readyMillis());
                }
                runBackend(backend, keycloak, peer);
            }
            if (keycloak != null) {
                report.rssAfterWarmup("keycloak", "dev-file", keycloak.rssBytes());
            }
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
        }
        report.loadAfter(loadAverage());
        return report;
    }

    private void runBackend(String backend, ForkedServer keycloak, KeycloakFixture peer) {
        TestDatabase database = TestDatabase.create(backend.equals("h2") ? Backend.H2 : Backend.POSTGRES);
        String rootKey = RootKey.generate().toBase64();
        int port = freePort();
        try {
            LatchkeyFixture fixture;
            try (ServerHandle fresh = launcher.start(database, rootKey, port)) {
                report.startup("latchkey", backend + " (new)", fresh.readyMillis());
                fixture = new LatchkeyFixture(fresh).bootstrap();
            }
            try (ServerHandle server = launcher.start(database, rootKey, port)) {
                report.startup("latchkey", backend + " (existing)", server.readyMillis());
                fixture.prepare();
                List<Flow> peers = peer == null ? List.of() : peer.flows();
                warmupPass(server, fixture.flows(), peers, keycloak, backend);
                for (Flow flow : fixture.flows()) {
                    if (!options.wants(flow.name())) {
                        continue;
                    }
                    report.add(measure(server, flow, backend));
                    Flow kc = peers.stream().filter(f -> f.name().equals(flow.peer())).findFirst().orElse(null);
                    if (kc != null) {
                        report.add(measure(keycloak, kc, "dev-file (alongside " + backend + ")"));
                    }
                }
                report.rssAfterWarmup("latchkey", backend, server.rssBytes());
            }
        } finally {
            database.drop();
        }
    }

    /**
     * Runs every wanted flow once, unmeasured, before the first is measured (and Keycloak's peer flows, once
     * per run): both servers are then measured as servers that have been serving, not while compiling.
     */
    private void warmupPass(ServerHandle server, List<Flow> flows, List<Flow> peers, ServerHandle keycloak, String backend) {
        if (options.warmupPassSeconds() <= 0) {
            return;
        }
        for (Flow flow : flows) {
            if (options.wants(flow.name())) {
                warm(server, flow, backend, options.warmupPassSeconds());
                Flow kc = peers.stream().filter(f -> f.name().equals(flow.peer())).findFirst().orElse(null);
                if (kc != null && keycloakWarmed.add(kc.name())) {
                    warm(keycloak, kc, "dev-file", options.warmupPassSeconds());
                }
            }
        }
    }

    private final java.util.Set<String> keycloakWarmed = new java.util.HashSet<>();
    /** Assertions signed ahead for the one-second probe: more than any flow here has reached in a second. */
    private static final int PROBE_POOL = 15_000;

    private void warm(ServerHandle server, Flow flow, String backend, double seconds) {
        if (flow.assertions() != null) {
            flow.assertions().fill((int) Math.min(20_000, 1500 * seconds));
        }
        Driver.run(server, flow, backend, options.concurrency(), seconds);
    }

    private FlowResult measure(ServerHandle server, Flow flow, String backend) {
        AssertionPool pool = flow.assertions();
        if (options.warmupSeconds() > 0) {
            warm(server, flow, backend, options.warmupSeconds());
        }
        if (pool != null) {
            // Sign ahead what the measured window will need: twice a one-second probe's pace (Keycloak still
            // speeds up after its probe: 1.5 times fell short by 4 %), and some more. The probe runs on a
            // pool of its own: it used to follow the warm-up, which had used up its pool, so it measured the
            // generator signing inline, and the window outran a pool sized from that (5,455 assertions signed
            // inside the window in the 2026-12-07 run).
            pool.fill(PROBE_POOL);
            FlowResult probe = Driver.run(server, flow, backend, options.concurrency(), Math.min(1, options.seconds()));
            pool.fill((int) Math.min(400_000, Math.max(200, probe.rps()) * options.seconds() * 2 + 2000));
        }
        FlowResult r = Driver.run(server, flow, backend, options.concurrency(), options.seconds());
        System.err.printf(Locale.ROOT, "%-26s %-30s %9.0f rps  p99 %7.2f ms  errors %d%n", flow.name(), backend, r.rps(),
                r.p99Ms(), r.errors());
        return r;
    }

    private static ServerHandle forkLatchkey(BenchOptions options, TestDatabase database, String rootKey, int port) {
        List<String> command = new ArrayList<>();
        Map<String, String> env = new java.util.HashMap<>();
        if (options.launcher() != null) {
            command.add(options.launcher().toAbsolutePath().toString());
            env.put("LATCHKEY_JAVA", options.serverJava().toString());
            env.put("LATCHKEY_JAVA_OPTS", options.serverJavaOpts());
        } else {
            command.add(options.serverJava().toString());
            command.addAll(options.serverJavaOptsList());
            command.addAll(List.of("-jar", options.serverJar().toAbsolutePath().toString()));
        }
        command.addAll(List.of("serve", "--host", HOST,
                "--port", Integer.toString(port), "--data-dir", database.dataDir().toString(),
                "--db-url", database.jdbcUrl(), "--crypto-provider", options.cryptoProvider()));
        // The root key goes through the environment, never the command line (visible to every local user).
        env.put("LATCHKEY_ROOT_KEY", rootKey);
        Path log = options.out().resolve("latchkey-" + database.backend().name().toLowerCase(Locale.ROOT) + ".log");
        return ForkedServer.start("latchkey", command, env, database.dataDir(), log, HOST, port, "/healthz",
                Duration.ofSeconds(60));
    }

    static LatchkeyLauncher forked(BenchOptions options) {
        return (database, rootKey, port) -> forkLatchkey(options, database, rootKey, port);
    }

    private final String keycloakPassword = UUID.randomUUID().toString();
    private int keycloakPort;

    private ForkedServer startKeycloak() {
        deleteTree(options.keycloakHome().resolve("data"));
        keycloakPort = freePort();
        return launchKeycloak();
    }

    private ForkedServer restartKeycloak(ForkedServer running) {
        running.close();
        return launchKeycloak();
    }

    private ForkedServer launchKeycloak() {
        Path home = options.keycloakHome().toAbsolutePath();
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-host=" + HOST,
                "--http-port=" + keycloakPort);
        Path javaHome = options.serverJava().toAbsolutePath().getParent().getParent();
        // Keycloak 26.0.7's Byte Buddy predates Java 25 and refuses it unless told to accept newer class files.
        Map<String, String> env = Map.of("JAVA_HOME", javaHome.toString(),
                "JAVA_OPTS_APPEND", "-Dnet.bytebuddy.experimental=true",
                "KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakFixture.ADMIN_USER, "KC_BOOTSTRAP_ADMIN_PASSWORD", keycloakPassword);
        return ForkedServer.start("keycloak", command, env, home, options.out().resolve("keycloak.log"), HOST, keycloakPort,
                "/realms/master", Duration.ofSeconds(240));
    }

    private KeycloakFixture prepareKeycloak(ForkedServer keycloak) {
        return new KeycloakFixture(keycloak, keycloakPassword).prepare();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String serverJdk(Path java) {
        try {
            Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out.replace('\n', ' ').replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Resolves {@code auto} the way the server does, for the report. */
    static String resolvedProvider(String setting) {
        return CryptoProvider.parse(setting).resolve().key();
    }
}
