package io.latchkey.policy;

import io.latchkey.core.policy.CompiledPolicies;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.EvaluationError;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.StatementRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.latchkey.policy.TestPolicies.allow;
import static io.latchkey.policy.TestPolicies.deny;
import static io.latchkey.policy.TestPolicies.document;
import static io.latchkey.policy.TestPolicies.documentBuilder;
import static io.latchkey.policy.TestPolicies.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Documents that skipped validation (old rows, bugs elsewhere) compile, report, and never grant. */
class CompileInvalidDocumentTest {
    private final DefaultPolicyEngine engine = new DefaultPolicyEngine();

    private Decision evaluate(PolicyDocument document) {
        return engine.compile(List.of(document)).evaluate(request().build());
    }

    @Test
    void compileWhenAllowHasUnknownOperatorThenAllowIsSkippedAndReported() {
        Decision decision = evaluate(document("p", allow().condition("StringEquals", "lk:SourceIp", "x")));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.NO_MATCH);
        assertThat(decision.errors()).containsExactly(new EvaluationError.UnsupportedCondition(
                new StatementRef("p", 0, null, Effect.ALLOW), "StringEquals", "lk:SourceIp"));
        assertThat(decision.errors().get(0).message()).isEqualTo("unsupported condition StringEquals on lk:SourceIp");
    }

    @Test
    void compileWhenAllowHasUnknownKeyThenAllowIsSkippedAndReported() {
        Decision decision = evaluate(document("p", allow().condition("IpAddress", "aws:SourceIp", "10.0.0.0/8")));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.errors()).singleElement().isInstanceOf(EvaluationError.UnsupportedCondition.class);
    }

    @Test
    void compileWhenAllowHasMalformedCidrThenAllowIsSkippedAndReported() {
        Decision decision = evaluate(document("p", allow().condition("IpAddress", "lk:SourceIp", "10.0.0.0/8", "bad")));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.errors()).containsExactly(new EvaluationError.MalformedConditionValue(
                new StatementRef("p", 0, null, Effect.ALLOW), "IpAddress", "bad"));
    }

    @Test
    void compileWhenDenyHasMalformedDateThenDenyFailsClosed() {
        Decision decision = evaluate(document("p", allow(),
                deny().condition("DateLessThan", "lk:CurrentTime", "next tuesday")));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
        assertThat(decision.deciding()).isEqualTo(new StatementRef("p", 1, null, Effect.DENY));
        assertThat(decision.errors()).containsExactly(new EvaluationError.MalformedConditionValue(
                new StatementRef("p", 1, null, Effect.DENY), "DateLessThan", "next tuesday"));
    }

    @Test
    void compileWhenDenyHasUnknownOperatorThenDenyFailsClosed() {
        Decision decision = evaluate(document("p", allow(), deny().condition(null, null)));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
        assertThat(decision.errors()).containsExactly(new EvaluationError.UnsupportedCondition(
                new StatementRef("p", 1, null, Effect.DENY), null, null));
    }

    @Test
    void compileWhenConditionHasNoValuesThenReportedAsMalformed() {
        Decision decision = evaluate(document("p", allow(), deny().condition("NotIpAddress", "lk:SourceIp")));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
        assertThat(decision.errors()).singleElement().isInstanceOf(EvaluationError.MalformedConditionValue.class);
    }

    @Test
    void compileWhenBrokenStatementDoesNotApplyToRequestThenNothingIsReported() {
        Decision decision = evaluate(document("p", allow(),
                deny().action("iam:DeleteToken").condition("Bogus", "lk:SourceIp", "x")));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ALLOW);
        assertThat(decision.errors()).isEmpty();
    }

    @Test
    void compileWhenStatementHasNoEffectThenItNeitherGrantsNorDenies() {
        Decision onlyBroken = evaluate(document("p", allow().effect(null)));
        Decision withAllow = evaluate(document("p", allow().effect(null), allow().sid("ok")));

        assertThat(onlyBroken.outcome()).isEqualTo(DecisionOutcome.NO_MATCH);
        assertThat(withAllow.deciding().sid()).isEqualTo("ok");
    }

    @Test
    void compileWhenPatternListsAreEmptyThenStatementNeverMatches() {
        Decision decision = evaluate(document("p", allow().principal(), allow().action(), allow().resource()));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.NO_MATCH);
    }

    @Test
    void compileWhenVersionIsUnknownThenDocumentIsStillEvaluated() {
        PolicyDocument old = documentBuilder("p").version("1999-01-01").statements(allow()).build();

        assertThat(evaluate(old).allowed()).isTrue();
    }

    @Test
    void compileWhenPatternsAreBlankOrOddThenNothingThrows() {
        PolicyDocument odd = document("p", allow().principal("", " ", "\n", "****", "?*?*").action("", ":", "::*")
                .resource("\u0000", "*"), deny().principal("").action("").resource(""));
        CompiledPolicies compiled = engine.compile(List.of(odd));

        assertThatCode(() -> compiled.evaluate(request().principal("").action("").resource("").build()))
                .doesNotThrowAnyException();
        assertThat(compiled.evaluate(request().principal("").action("").resource("").build()).outcome())
                .isEqualTo(DecisionOutcome.EXPLICIT_DENY);
    }

    @Test
    void compileWhenDocumentIdIsNullThenRefCarriesNull() {
        Decision decision = evaluate(document(null, allow()));

        assertThat(decision.deciding().policyId()).isNull();
    }
}
