package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latchkey.core.crypto.RootKey;
import io.latchkey.testkit.Backend;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.TestDatabase;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hardening suite 4 (issue 9): crash durability. The distribution runs as its own process; writer threads
 * create and update secrets, create personal access tokens, log in (an audit event per login) and rotate
 * signing keys, and the process is killed with SIGKILL at a random moment. After a restart on the same
 * database:
 *
 * <ul>
 *   <li>every acknowledged write is there, with exactly the acknowledged value;</li>
 *   <li>a write that got no answer is either absent or entirely there (its value one the client sent, the
 *       token readable in full), never half;</li>
 *   <li>every acknowledged login has its audit event, and {@code GET /iam/v1/audit/verify} finds the chain
 *       intact; the key ring has exactly one active key per algorithm and every acknowledged rotation.</li>
 * </ul>
 *
 * <p>Short form (the build): {@code latchkey.crash.kills} = 2 kills per backend. Full form:
 * {@code mvn -B -ntp -pl latchkey-it -am verify -Dtest=CrashDurabilityTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlatchkey.crash.kills=25} (docs/SECURITY.md). The random seed is printed, and {@code -Dlatchkey.crash.seed}
 * replays one.
 */
class CrashDurabilityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int KILLS = Integer.getInteger("latchkey.crash.kills", 2);
    private static final int THREADS = Integer.getInteger("latchkey.crash.threads", 4);
    private static final long SEED = Long.getLong("latchkey.crash.seed", System.nanoTime());

    /** What the clients were told (acknowledged) and what they sent without an answer (pending). */
    static final class Ledger {
        final Map<String, String> ackedSecrets = new ConcurrentHashMap<>();
        final Map<String, Set<String>> pendingSecrets = new ConcurrentHashMap<>();
        final Set<String> ackedTokens = ConcurrentHashMap.newKeySet();
        final Set<String> pendingTokenNames = ConcurrentHashMap.newKeySet();
        final Set<String> ackedLogins = ConcurrentHashMap.newKeySet();
        final Set<String> ackedKids = ConcurrentHashMap.newKeySet();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger();

        void pendingSecret(String name, String value) {
            pendingSecrets.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(value);
        }
    }

    @Test
    void killNineDuringWritesWhenRestartedThenEveryAcknowledgedWriteIsThereAndNothingHalf() throws Exception {
        System.out.println("crash durability on " + Backend.current() + ": " + KILLS + " kills, " + THREADS
                + " writer threads, seed " + SEED + " (-Dlatchkey.crash.seed to replay)");
        Random random = new Random(SEED);
        TestDatabase db = TestDatabase.create(Backend.current());
        String rootKey = RootKey.generate().toBase64();
        ServerProcess server = ServerProcess.start(db, rootKey, Map.of("db-pool-size", "8"),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        try {
            TestResponse boot = server.post("/api/v1/admin/bootstrap", null, Map.of("email", TestServer.OWNER_EMAIL,
                    "password", TestServer.OWNER_PASSWORD, "organization", "Acme"));
            assertThat(boot.status()).as(boot.body()).isEqualTo(200);
            String admin = boot.text("identity.credentials.token");
            String owner = loginToken(server.post("/iam/v1/login", null,
                    Map.of("email", TestServer.OWNER_EMAIL, "password", TestServer.OWNER_PASSWORD)));
            TestResponse project = server.post("/iam/v1/projects", owner, Map.of("name", "crash", "type", "secret-manager"));
            assertThat(project.status()).as(project.body()).isEqualTo(200);
            Fixture f = new Fixture(admin, owner, project.text("id"), ClientAssertions.publicKeyInfo(ClientAssertions.ecKey("crash"), "ES256"));
            // Pre-flight: the reads the verification relies on find a write (so a 404 later means lost data).
            assertThat(server.post("/api/v3/secrets/raw/PREFLIGHT", owner, secretBody(f, "p")).status()).isEqualTo(200);
            TestResponse preflight = server.get(secretPath(f, "PREFLIGHT"), owner);
            assertThat(preflight.status()).as(preflight.body()).isEqualTo(200);
            assertThat(preflight.text("secret.secretValue")).isEqualTo("p");
            Ledger ledger = new Ledger();
            for (int round = 1; round <= KILLS; round++) {
                runUntilKilled(server, f, ledger, round, 600 + random.nextInt(2000), random.nextLong());
                server.restart();
                verify(server, f, ledger);
                System.out.println("  kill " + round + ": " + ledger.acknowledged.get() + " writes acknowledged so far, "
                        + ledger.unanswered.get() + " cut off by the kill; all acknowledged present, none half-written");
            }
            assertThat(ledger.unexpected).as("answers other than success while the server was up").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            System.out.println("server log tail:\n" + server.logTail());
            throw e;
        } finally {
            server.close();
            db.drop();
        }
    }

    record Fixture(String admin, String owner, String projectId, Map<String, Object> publicKeyInfo) {
    }

    private static void runUntilKilled(ServerProcess server, Fixture f, Ledger ledger, int round, long killAfterMs, long seed)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random r = new Random(seed + t);
            String prefix = "R" + round + "T" + t + "_";
            threads.add(new Thread(() -> writeLoop(server, f, ledger, prefix, r, stop), "crash-writer-" + t));
        }
        threads.add(new Thread(() -> rotateLoop(server, f, ledger, stop), "crash-rotator"));
        threads.forEach(Thread::start);
        Thread.sleep(killAfterMs);
        server.kill9();
        stop.set(true);
        for (Thread t : threads) {
            t.join(60_000);
        }
    }

    private static void writeLoop(ServerProcess server, Fixture f, Ledger ledger, String prefix, Random r, AtomicBoolean stop) {
        List<String> mine = new ArrayList<>();
        int n = 0;
        while (!stop.get()) {
            int op = r.nextInt(100);
            n++;
            if (op < 45 || (op < 65 && mine.isEmpty())) {
                String name = prefix + "S" + n;
                String value = "v" + Long.toHexString(r.nextLong());
                outcome(ledger, stop, () -> server.post("/api/v3/secrets/raw/" + name, f.owner(), secretBody(f, value)),
                        () -> {
                            ledger.ackedSecrets.put(name, value);
                            mine.add(name);
                        }, () -> ledger.pendingSecret(name, value));
            } else if (op < 65) {
                String name = mine.get(r.nextInt(mine.size()));
                String value = "v" + Long.toHexString(r.nextLong());
                outcome(ledger, stop, () -> server.patch("/api/v3/secrets/raw/" + name, f.owner(), secretBody(f, value)),
                        () -> ledger.ackedSecrets.put(name, value), () -> ledger.pendingSecret(name, value));
            } else if (op < 80) {
                String name = prefix + "PAT" + n;
                TestResponse[] answer = new TestResponse[1];
                outcome(ledger, stop, () -> answer[0] = server.post("/iam/v1/tokens", f.owner(), Map.of("name", name,
                                "authenticationMethod", Map.of("type", "PRIVATE_KEY", "signingAlgorithm", "ES256",
                                        "publicKeyInfo", f.publicKeyInfo()))),
                        () -> ledger.ackedTokens.add(answer[0].text("id")), () -> ledger.pendingTokenNames.add(name));
            } else {
                TestResponse[] answer = new TestResponse[1];
                outcome(ledger, stop, () -> answer[0] = server.post("/iam/v1/login", null,
                                Map.of("email", TestServer.OWNER_EMAIL, "password", TestServer.OWNER_PASSWORD)),
                        () -> ledger.ackedLogins.add(jti(loginToken(answer[0]))), () -> { });
            }
        }
    }

    private static void rotateLoop(ServerProcess server, Fixture f, Ledger ledger, AtomicBoolean stop) {
        int n = 0;
        while (!stop.get()) {
            String alg = n++ % 2 == 0 ? "ES256" : "RS256";
            TestResponse[] answer = new TestResponse[1];
            outcome(ledger, stop, () -> answer[0] = server.post("/iam/v1/admin/keys/rotate", f.admin(), Map.of("algorithm", alg)),
                    () -> {
                        for (JsonNode k : answer[0].json().get("keys")) {
                            if ("active".equals(k.get("status").asText()) && alg.equals(k.get("algorithm").asText())) {
                                ledger.ackedKids.add(k.get("kid").asText());
                            }
                        }
                    }, () -> { });
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Runs one request: a 2xx acknowledges, no answer leaves it pending, any other answer is a defect. */
    private static void outcome(Ledger ledger, AtomicBoolean stop, java.util.function.Supplier<TestResponse> call,
                                Runnable acked, Runnable pending) {
        TestResponse r;
        try {
            r = call.get();
        } catch (IllegalStateException noAnswer) {
            ledger.unanswered.incrementAndGet();
            pending.run();
            sleepQuietly(20);
            return;
        }
        if (r.status() / 100 == 2) {
            ledger.acknowledged.incrementAndGet();
            acked.run();
        } else {
            ledger.unexpected.add(r.status() + " " + r.body());
            pending.run();
        }
    }

    private static void verify(ServerProcess server, Fixture f, Ledger ledger) {
        assertThat(server.get("/readyz", null).status()).isEqualTo(200);
        // Secrets: acknowledged values exactly; unanswered creations absent or whole.
        for (Map.Entry<String, String> e : ledger.ackedSecrets.entrySet()) {
            TestResponse r = server.get(secretPath(f, e.getKey()), f.owner());
            assertThat(r.status()).as("acknowledged secret %s", e.getKey()).isEqualTo(200);
            String value = r.text("secret.secretValue");
            Set<String> allowed = new HashSet<>(ledger.pendingSecrets.getOrDefault(e.getKey(), Set.of()));
            allowed.add(e.getValue());
            assertThat(value).as("value of %s", e.getKey()).isIn(allowed);
        }
        for (Map.Entry<String, Set<String>> e : ledger.pendingSecrets.entrySet()) {
            if (ledger.ackedSecrets.containsKey(e.getKey())) {
                continue;
            }
            TestResponse r = server.get(secretPath(f, e.getKey()), f.owner());
            assertThat(r.status()).as("unanswered secret %s", e.getKey()).isIn(200, 404);
            if (r.status() == 200) {
                assertThat(r.text("secret.secretValue")).isIn(e.getValue());
            }
        }
        // Personal access tokens: acknowledged ones readable; unanswered ones absent or readable in full.
        for (String id : ledger.ackedTokens) {
            assertThat(server.get("/iam/v1/tokens/" + id, f.owner()).status()).as("acknowledged token %s", id).isEqualTo(200);
        }
        for (JsonNode t : listTokens(server, f.owner())) {
            if (ledger.pendingTokenNames.contains(t.get("name").asText())) {
                TestResponse whole = server.get("/iam/v1/tokens/" + t.get("id").asText(), f.owner());
                assertThat(whole.status()).isEqualTo(200);
                assertThat(whole.json().path("authenticationMethod").path("publicKeyInfo").isMissingNode())
                        .as("token %s written without its key", t.get("id").asText()).isFalse();
            }
        }
        // Audit: every acknowledged login is recorded, and the chain is intact.
        Set<String> loggedJtis = auditTargets(server, f.admin(), "auth.login");
        assertThat(loggedJtis).as("audit events of acknowledged logins").containsAll(ledger.ackedLogins);
        JsonNode chain = server.get("/iam/v1/audit/verify", f.admin()).json();
        assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
        // Key ring: every acknowledged rotation's key kept, one active key per algorithm.
        JsonNode keys = server.get("/iam/v1/admin/keys", f.admin()).json().get("keys");
        Set<String> kids = new HashSet<>();
        Map<String, Integer> active = new java.util.HashMap<>();
        for (JsonNode k : keys) {
            kids.add(k.get("kid").asText());
            if ("active".equals(k.get("status").asText())) {
                active.merge(k.get("algorithm").asText(), 1, Integer::sum);
            }
        }
        assertThat(kids).containsAll(ledger.ackedKids);
        assertThat(active).isEqualTo(Map.of("ES256", 1, "RS256", 1));
    }

    private static Map<String, Object> secretBody(Fixture f, String value) {
        return Map.of("workspaceId", f.projectId(), "environment", "dev", "secretPath", "/", "secretValue", value);
    }

    private static String secretPath(Fixture f, String name) {
        return "/api/v3/secrets/raw/" + name + "?workspaceId=" + f.projectId() + "&environment=dev&secretPath=/";
    }

    private static List<JsonNode> listTokens(ServerProcess server, String owner) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            TestResponse page = server.get("/iam/v1/tokens?limit=100" + (cursor == null ? "" : "&exclusiveStartKey=" + enc(cursor)), owner);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("tokens").forEach(out::add);
            cursor = page.json().hasNonNull("lastEvaluatedKey") ? page.text("lastEvaluatedKey") : null;
        } while (cursor != null);
        return out;
    }

    private static Set<String> auditTargets(ServerProcess server, String admin, String action) {
        Set<String> out = new HashSet<>();
        String cursor = null;
        do {
            TestResponse page = server.get("/iam/v1/audit?limit=500&outcome=success&action=" + action
                    + (cursor == null ? "" : "&exclusiveStartKey=" + enc(cursor)), admin);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("events").forEach(e -> out.add(e.path("targetId").asText()));
            cursor = page.json().hasNonNull("lastEvaluatedKey") ? page.text("lastEvaluatedKey") : null;
        } while (cursor != null);
        return out;
    }

    private static String loginToken(TestResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("accessToken");
    }

    private static String jti(String jwt) {
        try {
            return MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).get("jti").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
