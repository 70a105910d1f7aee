package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latchkey.it.IsolationMatrix.Call;
import io.latchkey.it.IsolationMatrix.Entry;
import io.latchkey.it.IsolationMatrix.Kind;
import io.latchkey.it.IsolationMatrix.Scope;
import io.latchkey.it.IsolationWorld.Attacker;
import io.latchkey.it.IsolationWorld.Credential;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suite 1 of issue 9, the tenant isolation matrix: every route of the running server (all dialects) is
 * called with every credential kind of a second organization and of a second project against the
 * victim's resources. Nothing is read, nothing changes, and a foreign id answers exactly as a random
 * non-existent one does. A route without an entry in {@link IsolationMatrix} fails the build.
 */
class TenantIsolationMatrixTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Organization-level objects: the second project shares the victim's organization, so may see them. */
    private static final Set<String> ORGANIZATION_LEVEL = Set.of("org", "user", "membership", "identity", "clientSecret",
            "identityToken", "orgRole");
    /** Members that differ per request by design: request ids. */
    private static final Set<String> PER_REQUEST = Set.of("traceId", "reqId", "trace_id");

    static TestServer s;
    static IsolationWorld world;
    static IsolationMatrix matrix;

    @BeforeAll
    static void setUp() {
        s = TestServer.start(Map.of("trusted-proxies", "127.0.0.1"));
        world = new IsolationWorld(s);
        matrix = IsolationMatrix.build();
    }

    @AfterAll
    static void tearDown() {
        s.close();
    }

    @Test
    void routeTableWhenCompiledThenEveryRouteHasAMatrixEntry() {
        List<String> routes = s.routes();
        assertThat(routes).hasSizeGreaterThan(200);
        assertThat(routes.stream().filter(r -> !matrix.entries().containsKey(r)).toList())
                .as("routes without an isolation matrix entry").isEmpty();
        assertThat(matrix.entries().keySet().stream().filter(r -> !routes.contains(r)).toList())
                .as("matrix entries for routes that do not exist").isEmpty();
    }

    @Test
    void foreignCredentialsWhenCallingEveryRouteThenNothingIsReadChangedOrRevealed() {
        Map<String, String> before = victimState();
        Report report = run(world, matrix);
        assertThat(report.failures).isEmpty();
        assertThat(report.calls).isGreaterThan(2000);
        assertThat(victimState()).isEqualTo(before);
        Map<Kind, Long> kinds = new java.util.TreeMap<>(matrix.entries().values().stream()
                .collect(java.util.stream.Collectors.groupingBy(Entry::kind, java.util.stream.Collectors.counting())));
        System.out.printf("isolation matrix: %d routes %s, %d credentials, %d calls%n",
                matrix.entries().size(), kinds, world.attackers.size(), report.calls);
    }

    /** Counts and failures of one pass over the matrix. */
    static final class Report {
        final List<String> failures = new ArrayList<>();
        int calls;
        int targeted;
    }

    /** Runs every entry with every attacker credential it applies to; used again by the at-rest suite. */
    static Report run(IsolationWorld w, IsolationMatrix m) {
        Report report = new Report();
        IsolationMatrix.World real = w::v;
        IsolationMatrix.World none = name -> w.missing.get(name);
        int route = 0;
        for (Map.Entry<String, Entry> e : m.entries().entrySet()) {
            route++;
            Entry entry = e.getValue();
            if (entry.kind() == Kind.OPEN) {
                continue;
            }
            if (entry.kind() == Kind.TARGET) {
                report.targeted++;
            }
            for (int ci = 0; ci < w.attackers.size(); ci++) {
                Credential c = w.attackers.get(ci);
                String from = address(ci, route);
                if (entry.scope() == Scope.ORGANIZATION && c.attacker() != Attacker.OTHER_ORGANIZATION) {
                    continue;
                }
                String label = c + " " + e.getKey();
                switch (entry.kind()) {
                    case TARGET, FILTER -> {
                        TestResponse a = call(w.s, entry.call().apply(real), c.value(), from);
                        TestResponse b = call(w.s, entry.call().apply(none), c.value(), from);
                        report.calls += 2;
                        boolean refused = a.status() >= 400 || entry.kind() == Kind.FILTER;
                        if (!refused || a.status() >= 500) {
                            report.failures.add(label + " answered " + a.status() + ": " + a.body());
                        }
                        String na = normalise(a, w.victim);
                        String nb = normalise(b, w.missing);
                        if (a.status() != b.status() || !na.equals(nb)) {
                            report.failures.add(label + " differs from a missing id: " + a.status() + " " + na + " vs "
                                    + b.status() + " " + nb);
                        }
                    }
                    case ADMIN -> {
                        TestResponse a = call(w.s, entry.call().apply(real), c.value(), from);
                        report.calls++;
                        if (a.status() < 400 || a.status() >= 500) {
                            report.failures.add(label + " answered " + a.status() + ": " + a.body());
                        }
                    }
                    default -> {
                        TestResponse a = call(w.s, entry.call().apply(real), c.value(), from);
                        report.calls++;
                        if (a.status() >= 500) {
                            report.failures.add(label + " answered " + a.status() + ": " + a.body());
                        }
                        for (Map.Entry<String, String> marker : w.victim.entrySet()) {
                            boolean shared = c.attacker() == Attacker.OTHER_PROJECT && ORGANIZATION_LEVEL.contains(marker.getKey());
                            if (!shared && a.body().contains(marker.getValue())) {
                                report.failures.add(label + " revealed the victim's " + marker.getKey() + ": " + a.body());
                            }
                        }
                    }
                }
            }
        }
        return report;
    }

    /**
     * Sends one call from the given client address. The server trusts loopback as a proxy, so each
     * (credential, route) pair comes from an address of its own: the per-address brute-force throttles
     * (suite 3's subject) never trip here and every answer is the isolation answer, not a 429.
     */
    static TestResponse call(TestServer s, Call c, String credential, String clientAddress) {
        String body = c.body() == null ? (c.method().equals("GET") || c.method().equals("DELETE") ? null : "{}")
                : SecretsFixture.json(c.body());
        java.net.http.HttpRequest.Builder b = s.request(c.path(), credential).header("X-Forwarded-For", clientAddress);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return s.send(b.method(c.method(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A distinct private address per (credential, route) pair. */
    static String address(int credential, int route) {
        return "10." + credential + "." + (route / 250) + "." + (route % 250 + 1);
    }

    /**
     * The answer with per-request ids removed and every world value replaced by its name, so that the
     * answers for the victim's ids and for missing ones compare equal exactly when they say the same.
     */
    static String normalise(TestResponse r, Map<String, String> values) {
        String text = r.body();
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n != null) {
                strip(n);
                text = n.toString();
            }
        } catch (Exception notJson) {
            // compare the raw text
        }
        List<Map.Entry<String, String>> byLength = new ArrayList<>(values.entrySet());
        byLength.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
        for (Map.Entry<String, String> e : byLength) {
            text = text.replace(e.getValue(), "<" + e.getKey() + ">");
        }
        return text;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            PER_REQUEST.forEach(o::remove);
        }
        n.forEach(TenantIsolationMatrixTest::strip);
    }

    /** What the victim's own credentials read of every resource the matrix aims at. */
    private static Map<String, String> victimState() {
        String p = world.v("project");
        String ident = world.v("identity");
        String q = "?workspaceId=" + p + "&environment=dev&secretPath=/";
        Map<String, String> reads = new LinkedHashMap<>();
        List<String> owner = List.of("/iam/v1/projects/" + p, "/iam/v1/tokens/" + world.v("pat"),
                "/iam/v1/tokens/" + world.v("pat") + "/projects",
                "/iam/v1/projects/" + p + "/management-keys", "/iam/v1/projects/" + p + "/access-keys",
                "/iam/v1/projects/" + p + "/roles", "/iam/v1/projects/" + p + "/permissions", "/iam/v1/projects/" + p + "/tenants",
                "/api/v1/workspace/" + p, "/api/v1/workspace/" + p + "/environments", "/api/v3/secrets/raw" + q,
                "/api/v1/folders?workspaceId=" + p + "&environment=dev&path=/",
                "/api/v2/secret-imports?workspaceId=" + p + "&environment=staging&path=/",
                "/api/v1/kms/keys?projectId=" + world.v("kmsProject"), "/api/v1/webhooks?workspaceId=" + p,
                "/api/v1/secret/" + world.v("secret") + "/secret-versions");
        for (String path : owner) {
            reads.put(path, state(s.get(path, world.ownerA)));
        }
        List<String> admin = List.of("/api/v1/identities/" + ident, "/api/v1/auth/universal-auth/identities/" + ident,
                "/api/v1/auth/universal-auth/identities/" + ident + "/client-secrets",
                "/api/v1/auth/token-auth/identities/" + ident + "/tokens", "/api/v1/auth/jwt-auth/identities/" + ident,
                "/api/v2/workspace/" + p + "/identity-memberships", "/api/v1/organization/" + world.v("org") + "/roles",
                "/api/v2/organizations/" + world.v("org") + "/memberships", "/iam/v1/users");
        for (String path : admin) {
            reads.put(path, state(s.get(path, world.adminA)));
        }
        return reads;
    }

    private static String state(TestResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return normalise(r, Map.of());
    }
}
