package io.latchkey.it;

import io.latchkey.core.crypto.RootKey;
import io.latchkey.testkit.Backend;
import io.latchkey.testkit.TestDatabase;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hardening suite 6 (issue 9): soak. The distribution runs as its own process (fixed heap, so its resident
 * memory is the server's alone). A mixed workload over loopback (password logins 5 %, machine-identity
 * logins, i.e. token issuance, 20 %, secret reads 40 %, secret writes 10 %, authorization checks 25 %) first
 * runs closed-loop with {@link #CALIBRATION_CLIENTS} clients to measure capacity, then open-loop at 80 % of
 * it (latency measured from each request's scheduled start, so a stall is not hidden by the generator
 * waiting). Every window records throughput, p50/p99 latency, the process's RSS and thread count and the
 * connection pool's gauges. Expected: zero errors; RSS, threads and latency flat (the last third within
 * bounds of the first); no connection held once the load stops.
 *
 * <p>Short form (the build): {@code latchkey.soak.seconds} = 15 per backend, after 3 s of warm-up and 3 s of
 * capacity measurement. Full form, ten minutes:
 * {@code mvn -B -ntp -pl latchkey-it -am verify -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlatchkey.soak.seconds=600 -Dlatchkey.soak.backends=postgres} (docs/SECURITY.md "Soak").
 */
class SoakTest {
    private static final int SECONDS = Integer.getInteger("latchkey.soak.seconds", 15);
    private static final String BACKENDS = System.getProperty("latchkey.soak.backends", "h2,postgres");
    static final int CALIBRATION_CLIENTS = 8;
    private static final int WORKERS = 32;
    private static final Pattern GAUGE = Pattern.compile("^(hikaricp_connections(?:_active|_pending|_idle)?)\\{[^}]*} ([0-9.eE+-]+)$",
            Pattern.MULTILINE);

    /** One window of the soak. */
    record Window(int index, long ops, long errors, double p50Ms, double p99Ms, long rssKib, int threads,
                  double poolActive, double poolPending, double poolTotal) {
        String line() {
            return String.format(Locale.ROOT, "  %3d  %6d ops  %3d err  p50 %6.1f ms  p99 %7.1f ms  rss %6d MiB  threads %3d  pool %.0f/%.0f active, %.0f pending",
                    index, ops, errors, p50Ms, p99Ms, rssKib / 1024, threads, poolActive, poolTotal, poolPending);
        }
    }

    @Test
    void mixedLoadAtEightyPercentOfCapacityWhenSustainedThenNoErrorsAndFlatResources() throws Exception {
        if (!Arrays.asList(BACKENDS.split(",")).contains(Backend.current().name().toLowerCase(Locale.ROOT))) {
            System.out.println("soak skipped on " + Backend.current() + " (latchkey.soak.backends=" + BACKENDS + ")");
            return;
        }
        TestDatabase db = TestDatabase.create(Backend.current());
        ServerProcess server = ServerProcess.start(db, RootKey.generate().toBase64(), Map.of("db-pool-size", "16"),
                List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC"));
        try {
            Workload w = Workload.prepare(server);
            int warmUpSeconds = Math.max(3, SECONDS / 20);
            int calibrationSeconds = Math.max(3, SECONDS / 10);
            double capacity = calibrate(w, warmUpSeconds, calibrationSeconds);
            double rate = capacity * 0.8;
            System.out.printf(Locale.ROOT, "soak on %s: capacity %.0f ops/s (%d closed-loop clients, %d s), soaking %d s at %.0f ops/s%n",
                    Backend.current(), capacity, CALIBRATION_CLIENTS, calibrationSeconds, SECONDS, rate);
            List<Window> windows = soak(server, w, rate, SECONDS);
            windows.forEach(win -> System.out.println(win.line()));
            double[] idle = idlePool(server);
            System.out.printf(Locale.ROOT, "  after the load: pool %.0f active, %.0f pending; server threads %d%n",
                    idle[0], idle[1], processStatus(server.pid(), "Threads"));
            check(windows, idle);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("server log tail:\n" + server.logTail());
            throw e;
        } finally {
            server.close();
            db.drop();
        }
    }

    private static void check(List<Window> windows, double[] idle) {
        long errors = windows.stream().mapToLong(Window::errors).sum();
        long ops = windows.stream().mapToLong(Window::ops).sum();
        assertThat(errors).as("errors out of %d requests", ops).isZero();
        int third = Math.max(1, windows.size() / 3);
        List<Window> first = windows.subList(0, third);
        List<Window> last = windows.subList(windows.size() - third, windows.size());
        long rssFirst = first.stream().mapToLong(Window::rssKib).max().orElseThrow();
        long rssLast = last.stream().mapToLong(Window::rssKib).max().orElseThrow();
        // The heap is fixed and pre-touched, so RSS growth is native: code cache, metaspace, thread stacks,
        // malloc arenas. In the short form the JIT is still compiling the hot paths during the first
        // minute (observed: +15 % over 15 s on a busy CI machine); a leak keeps growing over the full form,
        // where the bound is tight.
        long slack = SECONDS >= 120 ? rssFirst / 10 + 16 * 1024 : rssFirst / 4 + 64 * 1024;
        assertThat(rssLast).as("RSS (KiB) of the last third against the first").isLessThanOrEqualTo(rssFirst + slack);
        // Jetty grows its pool during a latency spike and keeps idle threads for a minute; a leak keeps
        // growing, so the last third may not exceed the peak of the rest.
        int threadsBefore = windows.subList(0, windows.size() - third).stream().mapToInt(Window::threads).max().orElseThrow();
        int threadsLast = last.stream().mapToInt(Window::threads).max().orElseThrow();
        assertThat(threadsLast).as("server threads, last third against the peak before").isLessThanOrEqualTo(threadsBefore + 4);
        if (SECONDS >= 120) {
            // Latency trend: only meaningful over minutes (a 20 s run on a shared two-core machine sees
            // scheduler noise larger than any trend). Loose bounds: a leak or a growing scan shows as a multiple.
            double p50First = median(first.stream().mapToDouble(Window::p50Ms).toArray());
            double p50Last = median(last.stream().mapToDouble(Window::p50Ms).toArray());
            double p99First = median(first.stream().mapToDouble(Window::p99Ms).toArray());
            double p99Last = median(last.stream().mapToDouble(Window::p99Ms).toArray());
            assertThat(p50Last).as("median p50 latency (ms), last third").isLessThanOrEqualTo(2 * p50First + 10);
            assertThat(p99Last).as("median p99 latency (ms), last third").isLessThanOrEqualTo(3 * p99First + 50);
        }
        assertThat(idle[0]).as("connections still active after the load").isZero();
        assertThat(idle[1]).as("threads still waiting for a connection").isZero();
        for (Window w : windows) {
            assertThat(w.poolActive()).isLessThanOrEqualTo(w.poolTotal());
        }
    }

    // ------------------------------------------------------------------------------------------ workload

    /** Data the workload works on, created through the API. */
    record Workload(ServerProcess server, String owner, String projectId, String clientId, String clientSecret,
                    String identityToken, List<String> secrets, Map<String, Object> check) {

        static Workload prepare(ServerProcess server) {
            TestResponse boot = ok(server.post("/api/v1/admin/bootstrap", null, Map.of("email", TestServer.OWNER_EMAIL,
                    "password", TestServer.OWNER_PASSWORD, "organization", "Acme")));
            String admin = boot.text("identity.credentials.token");
            String orgId = boot.text("organization.id");
            String owner = ok(server.post("/iam/v1/login", null, Map.of("email", TestServer.OWNER_EMAIL,
                    "password", TestServer.OWNER_PASSWORD))).text("accessToken");
            String projectId = ok(server.post("/iam/v1/projects", owner, Map.of("name", "soak", "type", "secret-manager"))).text("id");
            String identityId = ok(server.post("/api/v1/identities", admin, Map.of("name", "soak", "organizationId", orgId,
                    "role", "member"))).text("identity.id");
            String clientId = ok(server.post("/api/v1/auth/universal-auth/identities/" + identityId, admin, Map.of()))
                    .text("identityUniversalAuth.clientId");
            String clientSecret = ok(server.post("/api/v1/auth/universal-auth/identities/" + identityId + "/client-secrets", admin,
                    Map.of())).text("clientSecret");
            ok(server.post("/api/v2/workspace/" + projectId + "/identity-memberships/" + identityId, owner, Map.of("role", "admin")));
            String identityToken = ok(server.post("/api/v1/auth/universal-auth/login", null,
                    Map.of("clientId", clientId, "clientSecret", clientSecret))).text("accessToken");
            List<String> secrets = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String name = "SOAK_" + i;
                ok(server.post("/api/v3/secrets/raw/" + name, owner, Map.of("workspaceId", projectId, "environment", "dev",
                        "secretPath", "/", "secretValue", "value " + i)));
                secrets.add(name);
            }
            Map<String, Object> check = Map.of("principal", "ari:iam::" + projectId + ":token/soak", "action", "secrets:Read",
                    "resource", "ari:secrets::" + projectId + ":secret/dev/SOAK_1");
            return new Workload(server, owner, projectId, clientId, clientSecret, identityToken, List.copyOf(secrets), check);
        }

        /** One request of the mix; returns true on the expected answer. */
        boolean one() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            int pick = r.nextInt(100);
            String secret = secrets.get(r.nextInt(secrets.size()));
            TestResponse resp;
            if (pick < 5) {
                resp = server.post("/iam/v1/login", null, Map.of("email", TestServer.OWNER_EMAIL, "password", TestServer.OWNER_PASSWORD));
            } else if (pick < 25) {
                resp = server.post("/api/v1/auth/universal-auth/login", null, Map.of("clientId", clientId, "clientSecret", clientSecret));
            } else if (pick < 65) {
                resp = server.get("/api/v3/secrets/raw/" + secret + "?workspaceId=" + projectId + "&environment=dev&secretPath=/",
                        identityToken);
            } else if (pick < 75) {
                resp = server.patch("/api/v3/secrets/raw/" + secret, identityToken, Map.of("workspaceId", projectId,
                        "environment", "dev", "secretPath", "/", "secretValue", "v" + r.nextLong()));
            } else {
                resp = server.post("/iam/v1/authz/check", owner, check);
            }
            return resp.status() == 200;
        }
    }

    private static TestResponse ok(TestResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    // ------------------------------------------------------------------------------------------ phases

    /** Closed loop: clients send back to back; returns completed requests per second. */
    private static double calibrate(Workload w, int warmUpSeconds, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CALIBRATION_CLIENTS; i++) {
            clients.add(new Thread(() -> {
                while (!stop.get()) {
                    try {
                        if (w.one()) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            }, "soak-calibration-" + i));
        }
        clients.forEach(Thread::start);
        Thread.sleep(warmUpSeconds * 1000L); // JIT and caches warm up; not counted
        long start = done.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long completed = done.get() - start;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : clients) {
            t.join(30_000);
        }
        assertThat(failed.get()).as("errors while measuring capacity").isZero();
        return completed / elapsed;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static int windowSeconds(int total) {
        return total >= 300 ? 30 : 5;
    }

    /** One finished request: when it was due, how long after that it finished, and whether it succeeded. */
    record Sample(long due, long latencyNanos, boolean ok) {
    }

    /** Open loop at {@code rate}: a request is due every 1/rate s, whether or not earlier ones finished. */
    private static List<Window> soak(ServerProcess server, Workload w, double rate, int seconds) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        int windowSeconds = windowSeconds(seconds);
        int windowCount = Math.max(3, seconds / windowSeconds);
        long windowNanos = windowSeconds * 1_000_000_000L;
        long periodNanos = (long) (1e9 / rate);
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        List<long[]> resources = new ArrayList<>();
        List<double[]> pools = new ArrayList<>();
        long t0 = System.nanoTime();
        long issued = 0;
        try {
            for (int i = 0; i < windowCount; i++) {
                long windowEnd = t0 + (i + 1L) * windowNanos;
                while (true) {
                    long due = t0 + issued * periodNanos;
                    if (due >= windowEnd) {
                        break;
                    }
                    issued++;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    workers.execute(() -> {
                        boolean good;
                        try {
                            good = w.one();
                        } catch (RuntimeException e) {
                            good = false;
                        }
                        samples.add(new Sample(due, System.nanoTime() - due, good));
                    });
                }
                resources.add(new long[] {processStatus(server.pid(), "VmRSS"), processStatus(server.pid(), "Threads")});
                pools.add(poolGauges(server));
            }
        } finally {
            workers.shutdown();
            assertThat(workers.awaitTermination(120, TimeUnit.SECONDS)).as("requests finished").isTrue();
        }
        assertThat(samples).as("every scheduled request finished").hasSize((int) issued);
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < windowCount; i++) {
            long from = t0 + i * windowNanos;
            long to = from + windowNanos;
            long[] l = samples.stream().filter(x -> x.due() >= from && x.due() < to).mapToLong(Sample::latencyNanos).sorted().toArray();
            long errors = samples.stream().filter(x -> x.due() >= from && x.due() < to && !x.ok()).count();
            double p50 = l.length == 0 ? 0 : l[(int) (l.length * 0.50)] / 1e6;
            double p99 = l.length == 0 ? 0 : l[Math.min(l.length - 1, (int) (l.length * 0.99))] / 1e6;
            double[] pool = pools.get(i);
            windows.add(new Window(i + 1, l.length, errors, p50, p99, resources.get(i)[0], (int) resources.get(i)[1],
                    pool[0], pool[1], pool[2]));
        }
        return windows;
    }

    /** A number from /proc/<pid>/status (VmRSS in KiB, Threads). */
    static int processStatus(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Integer.parseInt(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read /proc/" + pid + "/status (the soak suite needs Linux)", e);
        }
        throw new AssertionError(field + " not in /proc/" + pid + "/status");
    }

    /**
     * The pool once the load has stopped: the least {@code [active, pending]} seen over two seconds. The
     * server's own pollers (revocation list, key ring, webhook outbox) borrow a connection for a moment, so
     * one sample can show one in use; a leaked connection shows in every sample.
     */
    static double[] idlePool(ServerProcess server) throws InterruptedException {
        Thread.sleep(1000);
        double active = Double.MAX_VALUE;
        double pending = Double.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            double[] g = poolGauges(server);
            active = Math.min(active, g[0]);
            pending = Math.min(pending, g[1]);
            Thread.sleep(200);
        }
        return new double[] {active, pending};
    }

    /** {@code [active, pending, total]} connections of the server's pool, from its Prometheus metrics. */
    static double[] poolGauges(ServerProcess server) {
        String text = server.get("/metrics", null).body();
        double active = 0;
        double pending = 0;
        double total = 0;
        Matcher m = GAUGE.matcher(text);
        boolean any = false;
        while (m.find()) {
            any = true;
            double v = Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "hikaricp_connections_active" -> active += v;
                case "hikaricp_connections_pending" -> pending += v;
                case "hikaricp_connections" -> total += v;
                default -> { }
            }
        }
        assertThat(any).as("HikariCP gauges in /metrics").isTrue();
        return new double[] {active, pending, total};
    }
}
