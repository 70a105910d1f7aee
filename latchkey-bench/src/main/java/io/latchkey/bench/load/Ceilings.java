package io.latchkey.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical limit of each flow on this machine: the signature operations a request needs (one RS256 verify
 * and one ES256 sign for the PAT endpoint, and so on), at the single-thread rates the JMH
 * {@code SignatureBenchmark} measured for the server's JDK and provider, times the cores. Everything else a
 * request costs (HTTP, JSON, storage) only lowers the real figure, so a flow's share of its ceiling says how
 * much of its time goes to work other than signatures.
 */
final class Ceilings {
    /** Signature operations per request: {"sign ES256"} etc. */
    static final Map<String, List<String>> OPERATIONS = Map.of(
            "pat-token", List.of("verify RS256", "sign ES256"),
            "access-key-exchange", List.of("sign RS256"),
            "universal-auth-login", List.of("sign ES256"),
            "project-scoped-token", List.of("verify ES256", "sign ES256"),
            "secret-read", List.of("verify ES256"),
            "secret-list-100", List.of("verify ES256"),
            "authz-check", List.of("verify ES256"),
            "kc-client-secret-rs256", List.of("sign RS256"),
            "kc-client-secret-es256", List.of("sign ES256"),
            "kc-private-key-jwt-es256", List.of("verify RS256", "sign ES256"));

    /** The Keycloak flow each Latchkey flow is compared with: same signature algorithm for the issued token. */
    static final Map<String, String> PEERS = Map.of(
            "pat-token", "kc-private-key-jwt-es256",
            "access-key-exchange", "kc-client-secret-rs256",
            "universal-auth-login", "kc-client-secret-es256",
            "project-scoped-token", "kc-client-secret-es256");

    private final Map<String, Double> rates; // "sign ES256 conscrypt" -> ops/s on one thread
    private final Map<String, Double> policy; // "100 ALLOW" -> decisions/s on one thread
    private final int cores;

    private Ceilings(Map<String, Double> rates, Map<String, Double> policy, int cores) {
        this.rates = rates;
        this.policy = policy;
        this.cores = cores;
    }

    static Ceilings none() {
        return new Ceilings(Map.of(), Map.of(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * Reads JMH JSON result files ({@code -rf json}): SignatureBenchmark rates for the ceilings and
     * PolicyEvaluationBenchmark rates for the policy target; other benchmarks are ignored.
     */
    static Ceilings fromJmh(List<Path> files) {
        Map<String, Double> rates = new HashMap<>();
        Map<String, Double> policy = new HashMap<>();
        for (Path file : files) {
            try {
                for (JsonNode b : Api.JSON.readTree(Files.readString(file))) {
                    String name = b.path("benchmark").asText();
                    JsonNode params = b.path("params");
                    double score = b.path("primaryMetric").path("score").asDouble();
                    if (name.contains("SignatureBenchmark.")) {
                        String op = name.substring(name.lastIndexOf('.') + 1);
                        rates.put(op + " " + params.path("algorithm").asText() + " " + params.path("provider").asText(), score);
                    } else if (name.contains("PolicyEvaluationBenchmark.")) {
                        policy.put(params.path("statements").asText() + " " + params.path("scenario").asText(), score);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read JMH results " + file + ": " + e.getMessage(), e);
            }
        }
        return new Ceilings(rates, policy, Runtime.getRuntime().availableProcessors());
    }

    /** Policy decisions per second on one thread, by "statements scenario" (e.g. "100 ALLOW"). */
    Map<String, Double> policyRates() {
        return Map.copyOf(policy);
    }

    /** Single-thread rate of one operation, e.g. {@code rate("sign ES256", "conscrypt")}; NaN when not measured. */
    double rate(String operation, String provider) {
        return rates.getOrDefault(operation + " " + provider, Double.NaN);
    }

    /**
     * Requests per second the machine's cores allow for the flow, NaN when unknown. Keycloak signs with the
     * JDK's provider; Latchkey with {@code latchkeyProvider}.
     */
    double ceiling(String flow, String server, String latchkeyProvider) {
        List<String> ops = OPERATIONS.get(flow);
        if (ops == null) {
            return Double.NaN;
        }
        String provider = server.equals("keycloak") ? "jdk" : latchkeyProvider;
        double secondsPerRequest = 0;
        for (String op : ops) {
            secondsPerRequest += 1 / rate(op, provider);
        }
        return cores / secondsPerRequest;
    }

    Map<String, Double> rates() {
        return Map.copyOf(rates);
    }
}
