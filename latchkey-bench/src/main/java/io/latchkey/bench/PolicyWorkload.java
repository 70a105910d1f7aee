package io.latchkey.bench;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.PolicyCondition;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic, project-shaped policy set for benchmarks: statements spread over a fixed catalogue of 100
 * actions (5 services x 20 verbs), as real projects have a bounded set of actions however many statements they
 * hold. Per statement {@code i}, with catalogue entry {@code e = i % 100}:
 * <ul>
 *   <li>every 10th is a Deny, the rest Allow;</li>
 *   <li>principal {@code *} for every 4th, otherwise one of 50 token ARIs;</li>
 *   <li>action: exactly the entry's {@code service:VerbNx}, except for one verb in 20, which every service
 *       writes as the prefix wildcard {@code service:VerbN*} (so every request also walks its service's
 *       wildcard statements, {@code n / 100} of them);</li>
 *   <li>resource: an ARI prefix {@code ari:svc::P..:thing/app-i/*}, every 7th a general pattern with {@code ?};</li>
 *   <li>every 3rd (offset 1) carries an {@code IpAddress} condition on {@code 10.0.0.0/8}, which the
 *       requests' address satisfies; as 3 does not divide 100, most requests meet some of them.</li>
 * </ul>
 * Requests are derived from a statement of the wanted effect in the second half of the set, so the deciding
 * statement is never the first candidate.
 *
 * @since 0.1
 */
public final class PolicyWorkload {
    /** One of the benchmarked outcomes. */
    public enum Scenario {
        ALLOW(DecisionOutcome.ALLOW, Effect.ALLOW),
        EXPLICIT_DENY(DecisionOutcome.EXPLICIT_DENY, Effect.DENY),
        NO_MATCH(DecisionOutcome.NO_MATCH, Effect.ALLOW);

        private final DecisionOutcome expected;
        private final Effect anchor;

        Scenario(DecisionOutcome expected, Effect anchor) {
            this.expected = expected;
            this.anchor = anchor;
        }

        public DecisionOutcome expected() {
            return expected;
        }
    }

    static final String PROJECT = "P0123456789abcdefghijklmnopq";
    private static final String[] SERVICES = {"secrets", "kms", "iam", "audit", "accesskey"};
    private static final int VERBS = 20;
    private static final int WILDCARD_VERB = 7;
    private static final int ACTIONS = SERVICES.length * VERBS;
    private static final int PRINCIPALS = 50;
    private static final int STATEMENTS_PER_DOCUMENT = 100;
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private PolicyWorkload() {
    }

    /** {@code statements} statements in documents of at most 100 each. */
    public static List<PolicyDocument> documents(int statements) {
        List<PolicyDocument> documents = new ArrayList<>();
        List<PolicyStatement> current = new ArrayList<>();
        for (int i = 0; i < statements; i++) {
            current.add(statement(i));
            if (current.size() == STATEMENTS_PER_DOCUMENT || i == statements - 1) {
                documents.add(new PolicyDocument("doc-" + documents.size(), "2022-12-15", null, null, current));
                current = new ArrayList<>();
            }
        }
        return documents;
    }

    /** A request with the scenario's outcome against {@link #documents}{@code (statements)}. */
    public static AuthzRequest request(Scenario scenario, int statements) {
        int anchor = anchor(scenario.anchor, statements);
        String resource = scenario == Scenario.NO_MATCH
                ? "ari:" + service(anchor) + "::" + PROJECT + ":thing/not-granted/x"
                : "ari:" + service(anchor) + "::" + PROJECT + ":thing/app-" + anchor + "/item1";
        return new AuthzRequest(principal(anchor), action(anchor), resource, "10.1.2.3", NOW);
    }

    /** The first statement of the wanted effect in the second half of the set. */
    private static int anchor(Effect effect, int statements) {
        for (int i = statements / 2; i < statements; i++) {
            if (effect(i) == effect) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + effect + " anchor in " + statements + " statements");
    }

    private static PolicyStatement statement(int i) {
        String principal = i % 4 == 0 ? "*" : principal(i);
        String action = (i % ACTIONS) % VERBS == WILDCARD_VERB
                ? action(i).substring(0, action(i).length() - 1) + "*"
                : action(i);
        String base = "ari:" + service(i) + "::" + PROJECT + ":thing/app-" + i;
        String resource = i % 7 == 0 ? base + "/item?" : base + "/*";
        List<PolicyCondition> conditions = conditional(i)
                ? List.of(new PolicyCondition("IpAddress", "lk:SourceIp", List.of("10.0.0.0/8")))
                : List.of();
        return new PolicyStatement("s" + i, effect(i), List.of(principal), List.of(action), List.of(resource),
                conditions);
    }

    private static boolean conditional(int i) {
        return i % 3 == 1;
    }

    private static Effect effect(int i) {
        return i % 10 == 9 ? Effect.DENY : Effect.ALLOW;
    }

    private static String principal(int i) {
        return "ari:iam::" + PROJECT + ":token/tok-" + (i % PRINCIPALS);
    }

    private static String service(int i) {
        return SERVICES[(i % ACTIONS) / VERBS];
    }

    private static String action(int i) {
        return service(i) + ":Verb" + ((i % ACTIONS) % VERBS) + "x";
    }
}
