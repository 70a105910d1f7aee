package io.latchkey.policy;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.CompiledPolicies;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.PolicyCondition;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;
import io.latchkey.core.policy.StatementRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random documents and requests over a tiny alphabet (so that patterns collide often), checked against
 * {@link ReferenceEvaluator}. The first property is the one that matters for security: no ALLOW while a Deny
 * matches or cannot be evaluated. The second pins every other detail (deciding statement, errors) to the oracle.
 */
class DenyWinsPropertyTest {
    private static final long SEED = 0x1A7C4_5EEDL;
    private static final String[] PATTERN_TOKENS = {"a", "b", "A", ":", "/", "*", "?", "**", "a:"};
    private static final String[] INPUT_TOKENS = {"a", "b", "A", "B", ":", "/"};
    private static final List<String> CIDRS = List.of("10.0.0.0/8", "10.1.0.0/16", "192.0.2.0/24", "2001:db8::/32",
            "::ffff:10.0.0.0/104", "0.0.0.0/0", "::/0", "192.0.2.5", "2001:db8::1");
    private static final List<String> INSTANTS = List.of("2024-01-01T00:00:00Z", "2024-06-01T12:00:00Z",
            "2025-01-01T00:00:00Z");
    private static final List<String> ADDRESSES = List.of("10.0.0.1", "10.1.2.3", "192.0.2.5", "2001:db8::1",
            "2001:db8:1::9", "::ffff:10.0.0.1", "203.0.113.1");
    private static final String[] OPERATORS = {"IpAddress", "NotIpAddress", "DateGreaterThan", "DateGreaterThanEquals",
            "DateLessThan", "DateLessThanEquals"};

    private final Random random = new Random(SEED);
    private final DefaultPolicyEngine engine = new DefaultPolicyEngine();
    private final ReferenceEvaluator oracle = new ReferenceEvaluator(validValues(), Set.copyOf(ADDRESSES));

    private static Set<String> validValues() {
        Set<String> values = new HashSet<>(CIDRS);
        values.addAll(INSTANTS);
        return values;
    }

    @Test
    void evaluateWhenRandomPoliciesThenNeverAllowWhileADenyMatchesOrIsUnknown() {
        int denied = 0;
        for (int round = 0; round < 3_000; round++) {
            List<PolicyDocument> documents = documents();
            CompiledPolicies compiled = engine.compile(documents);
            for (int r = 0; r < 30; r++) {
                AuthzRequest request = request();
                Decision decision = compiled.evaluate(request);
                if (anyDenyMatchesOrIsUnknown(documents, request)) {
                    denied++;
                    assertThat(decision.outcome()).as("%s %s", documents, request).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
                }
                if (decision.allowed()) {
                    assertThat(decision.deciding().effect()).isEqualTo(Effect.ALLOW);
                }
            }
        }
        assertThat(denied).as("the generator produces matching denies").isGreaterThan(1_000);
    }

    @Test
    void evaluateWhenRandomPoliciesThenDecisionEqualsReferenceEvaluator() {
        int[] outcomes = new int[DecisionOutcome.values().length];
        int withErrors = 0;
        for (int round = 0; round < 3_000; round++) {
            List<PolicyDocument> documents = documents();
            CompiledPolicies compiled = engine.compile(documents);
            for (int r = 0; r < 30; r++) {
                AuthzRequest request = request();
                Decision actual = compiled.evaluate(request);
                Decision expected = oracle.evaluate(documents, request);
                assertThat(actual).as("%s\n%s", documents, request).isEqualTo(expected);
                outcomes[actual.outcome().ordinal()]++;
                withErrors += actual.errors().isEmpty() ? 0 : 1;
            }
        }
        assertThat(Arrays.stream(outcomes).min().orElse(0)).as("every outcome is exercised").isGreaterThan(1_000);
        assertThat(withErrors).as("errors are exercised").isGreaterThan(1_000);
    }

    private boolean anyDenyMatchesOrIsUnknown(List<PolicyDocument> documents, AuthzRequest request) {
        for (PolicyDocument d : documents) {
            for (int i = 0; i < d.statements().size(); i++) {
                PolicyStatement s = d.statements().get(i);
                if (s.effect() == Effect.DENY && oracle.verdict(s, request, new StatementRef(d.id(), i, null, s.effect()),
                        new ArrayList<>()) != ReferenceEvaluator.Verdict.NO_MATCH) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<PolicyDocument> documents() {
        List<PolicyDocument> documents = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int d = 0; d < count; d++) {
            List<PolicyStatement> statements = new ArrayList<>();
            int size = random.nextInt(7);
            for (int s = 0; s < size; s++) {
                statements.add(statement(s));
            }
            documents.add(new PolicyDocument("d" + d, PolicyValidator.VERSION, null, null, statements));
        }
        return documents;
    }

    private PolicyStatement statement(int index) {
        Effect effect = random.nextInt(3) == 0 ? Effect.DENY : Effect.ALLOW;
        List<PolicyCondition> conditions = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                conditions.add(condition());
            }
        }
        return new PolicyStatement("s" + index, effect, patterns(), patterns(), patterns(), conditions);
    }

    private PolicyCondition condition() {
        int pick = random.nextInt(40);
        if (pick == 0) {
            return new PolicyCondition("StringLike", "lk:SourceIp", List.of("x"));
        }
        if (pick == 1) {
            return new PolicyCondition("IpAddress", "lk:CurrentTime", List.of("10.0.0.0/8"));
        }
        String operator = OPERATORS[random.nextInt(OPERATORS.length)];
        boolean ip = operator.contains("Ip");
        String key = ip ? (random.nextBoolean() ? "lk:SourceIp" : "LK:SOURCEIP") : "lk:CurrentTime";
        List<String> pool = ip ? CIDRS : INSTANTS;
        List<String> values = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            values.add(pick == 2 ? "garbage" : pool.get(random.nextInt(pool.size())));
        }
        return new PolicyCondition(operator, key, values);
    }

    private List<String> patterns() {
        String[] out = new String[1 + random.nextInt(2)];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextInt(6) == 0 ? "*" : text(PATTERN_TOKENS, 4);
        }
        return Arrays.asList(out);
    }

    private AuthzRequest request() {
        String sourceIp = random.nextInt(6) == 0 ? null : ADDRESSES.get(random.nextInt(ADDRESSES.size()));
        Instant time = random.nextInt(6) == 0 ? null : Instant.parse(INSTANTS.get(random.nextInt(INSTANTS.size())))
                .plusSeconds(random.nextInt(3) - 1);
        return new AuthzRequest(text(INPUT_TOKENS, 4), text(INPUT_TOKENS, 4), text(INPUT_TOKENS, 4), sourceIp, time);
    }

    private String text(String[] tokens, int maxTokens) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(maxTokens + 1);
        for (int i = 0; i < n; i++) {
            sb.append(tokens[random.nextInt(tokens.length)]);
        }
        return sb.toString();
    }
}
