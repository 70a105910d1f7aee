package io.latchkey.policy;

import io.latchkey.core.policy.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Runs every case of the shared corpus against the engine. */
class PolicyCorpusTest {
    private final DefaultPolicyEngine engine = new DefaultPolicyEngine();

    static Stream<PolicyCorpus.Case> cases() {
        return PolicyCorpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluateWhenCorpusCaseThenExpectedDecision(PolicyCorpus.Case c) {
        if (c.validates()) {
            c.policies().forEach(policy -> assertThatCode(() -> engine.validate(policy))
                    .as("validate %s", policy.id()).doesNotThrowAnyException());
        } else {
            assertThat(c.policies()).as("some policy fails validation")
                    .anyMatch(policy -> catchThrowable(() -> engine.validate(policy)) != null);
        }

        Decision decision = engine.compile(c.policies()).evaluate(c.request());

        assertThat(decision.outcome()).as("outcome").isEqualTo(c.outcome());
        assertThat(PolicyCorpus.describe(decision.deciding())).as("deciding").isEqualTo(c.deciding());
        assertThat(PolicyCorpus.describe(decision)).as("errors").isEqualTo(c.errors());
    }

    @Test
    void casesWhenLoadedThenCorpusIsNotEmpty() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(50);
    }
}
