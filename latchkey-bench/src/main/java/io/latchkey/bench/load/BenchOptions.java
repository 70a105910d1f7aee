package io.latchkey.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@link LoadBench}; every one has a default, so a bare run works from the repository
 * root after {@code bench/run} built the jars.
 *
 * @param serverJar     the Latchkey app jar (its libraries in {@code lib/} beside it)
 * @param serverJava    the java binary both servers run on
 * @param serverJavaOpts extra JVM options for the Latchkey server, space-separated
 * @param cryptoProvider Latchkey's {@code crypto-provider} setting
 * @param backends      {@code h2}, {@code postgres}
 * @param keycloakHome  an unpacked Keycloak 26.0.7, or null to measure Latchkey alone
 * @param jmh           JMH JSON result files (SignatureBenchmark for the ceilings, PolicyEvaluationBenchmark)
 * @param out           where report.json and report.md go
 * @param flows         only these flows (all when empty)
 * @param warmupPassSeconds before any flow of a server is measured, every flow runs this long once (0: no pass),
 *                      so the JIT has compiled the code all flows share; the per-flow warm-up then only
 *                      settles the flow's own paths. Without it the first flows measured a compiling server.
 * @param launcher      the repository's {@code latchkey} launcher: when given, the server starts through it
 *                      exactly as a user starts it (its jvm.options, start-up cache), on {@code serverJava}
 *                      ({@code LATCHKEY_JAVA}) with {@code serverJavaOpts} appended ({@code LATCHKEY_JAVA_OPTS});
 *                      when null, {@code java [serverJavaOpts] -jar serverJar}
 */
record BenchOptions(Path serverJar, Path serverJava, String serverJavaOpts, String cryptoProvider, List<String> backends,
                    Path keycloakHome, List<Path> jmh, Path out, double warmupSeconds, double seconds, int concurrency,
                    List<String> flows, Path launcher, double warmupPassSeconds) {

    static final String USAGE = """
            usage: LoadBench [--server-jar latchkey-app/target/latchkey.jar] [--launcher ./latchkey] [--java /path/to/bin/java]
                             [--server-java-opts "-Xmx..."] [--crypto-provider auto|accp|conscrypt|bc|jdk]
                             [--backends h2,postgres] [--keycloak /path/to/keycloak-26.0.7] [--jmh a.json,b.json]
                             [--out target/bench] [--warmup-pass 0] [--warmup 3] [--duration 10] [--concurrency 32] [--flows a,b]
            PostgreSQL: -Dlatchkey.test.pg.url=jdbc:postgresql://127.0.0.1:5432/test?user=postgres (the default);
            each run uses a new schema and drops it afterwards.""";

    static BenchOptions parse(String[] args) {
        Path jar = Path.of("latchkey-app/target/latchkey.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String opts = "";
        String provider = "auto";
        List<String> backends = List.of("h2", "postgres");
        Path keycloak = null;
        List<Path> jmh = List.of();
        Path out = Path.of("target/bench");
        double warmup = 3;
        double warmupPass = 0;
        double duration = 10;
        int concurrency = 32;
        List<String> flows = List.of();
        Path launcher = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--server-jar" -> jar = Path.of(v);
                case "--java" -> java = Path.of(v);
                case "--launcher" -> launcher = v.isBlank() ? null : Path.of(v);
                case "--server-java-opts" -> opts = v;
                case "--crypto-provider" -> provider = v;
                case "--backends" -> backends = list(v);
                case "--keycloak" -> keycloak = v.isBlank() ? null : Path.of(v);
                case "--jmh" -> jmh = Arrays.stream(v.split(",")).filter(f -> !f.isBlank()).map(Path::of).toList();
                case "--out" -> out = Path.of(v);
                case "--warmup" -> warmup = Double.parseDouble(v);
                case "--warmup-pass" -> warmupPass = Double.parseDouble(v);
                case "--duration" -> duration = Double.parseDouble(v);
                case "--concurrency" -> concurrency = Integer.parseInt(v);
                case "--flows" -> flows = list(v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        for (String b : backends) {
            if (!b.equals("h2") && !b.equals("postgres")) {
                throw new IllegalArgumentException("--backends takes h2 and postgres, not " + b);
            }
        }
        if (duration <= 0 || warmup < 0 || warmupPass < 0 || concurrency < 1) {
            throw new IllegalArgumentException("--duration must be > 0, --warmup and --warmup-pass >= 0, --concurrency >= 1");
        }
        return new BenchOptions(jar, java, opts, provider, backends, keycloak, jmh, out, warmup, duration, concurrency, flows, launcher,
                warmupPass);
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    List<String> serverJavaOptsList() {
        return serverJavaOpts.isBlank() ? List.of() : Arrays.asList(serverJavaOpts.trim().split("\\s+"));
    }

    boolean wants(String flow) {
        return flows.isEmpty() || flows.contains(flow);
    }
}
