package io.latchkey.policy;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.EvaluationError;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.StatementRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static io.latchkey.policy.TestPolicies.allow;
import static io.latchkey.policy.TestPolicies.deny;
import static io.latchkey.policy.TestPolicies.document;
import static io.latchkey.policy.TestPolicies.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Missing request context: errors are reported, and they never grant. */
class EvaluationErrorTest {
    private static final String SOURCE_IP = "lk:SourceIp";
    private static final String CURRENT_TIME = "lk:CurrentTime";

    private final DefaultPolicyEngine engine = new DefaultPolicyEngine();

    private Decision evaluate(AuthzRequest request, PolicyDocument document) {
        engine.validate(document);
        return engine.compile(List.of(document)).evaluate(request);
    }

    @Test
    void evaluateWhenAllowNeedsSourceIpAndRequestHasNoneThenSkippedAndReported() {
        PolicyDocument policy = document("p", allow().condition("IpAddress", SOURCE_IP, "10.0.0.0/8"));

        Decision decision = evaluate(request().sourceIp(null).build(), policy);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.NO_MATCH);
        assertThat(decision.deciding()).isNull();
        assertThat(decision.errors()).containsExactly(
                new EvaluationError.MissingContext(new StatementRef("p", 0, null, Effect.ALLOW), SOURCE_IP));
        assertThat(decision.errors().get(0).message()).isEqualTo("request has no value for lk:SourceIp");
    }

    @Test
    void evaluateWhenAllowNeedsSourceIpAndLaterAllowDoesNotThenLaterAllowGrantsAndErrorIsReported() {
        PolicyDocument policy = document("p",
                allow().sid("ip").condition("IpAddress", SOURCE_IP, "10.0.0.0/8"),
                allow().sid("plain"));

        Decision decision = evaluate(request().sourceIp(null).build(), policy);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ALLOW);
        assertThat(decision.deciding().sid()).isEqualTo("plain");
        assertThat(decision.errors()).extracting(e -> e.statement().sid()).containsExactly("ip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IpAddress", "NotIpAddress"})
    void evaluateWhenDenyNeedsSourceIpAndRequestHasNoneThenDenyAnyway(String operator) {
        PolicyDocument policy = document("p", allow(), deny().sid("net").condition(operator, SOURCE_IP, "10.0.0.0/8"));

        Decision decision = evaluate(request().sourceIp(null).build(), policy);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
        assertThat(decision.deciding()).isEqualTo(new StatementRef("p", 1, "net", Effect.DENY));
        assertThat(decision.errors()).containsExactly(
                new EvaluationError.MissingContext(new StatementRef("p", 1, "net", Effect.DENY), SOURCE_IP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-ip", "10.0.0.256", "fe80::1%eth0", "[::1]", "010.0.0.1", "localhost", ""})
    void evaluateWhenSourceIpIsUnreadableThenTreatedAsMissing(String sourceIp) {
        PolicyDocument policy = document("p", allow(), deny().condition("NotIpAddress", SOURCE_IP, "10.0.0.0/8"));

        Decision decision = evaluate(request().sourceIp(sourceIp).build(), policy);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
        assertThat(decision.errors()).singleElement().isInstanceOf(EvaluationError.MissingContext.class);
    }

    @Test
    void evaluateWhenTimeIsMissingThenDateDenyFailsClosed() {
        PolicyDocument policy = document("p", allow(),
                deny().condition("DateGreaterThan", CURRENT_TIME, "2024-01-01T00:00:00Z"));

        Decision decision = evaluate(request().time(null).build(), policy);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
        assertThat(decision.errors()).containsExactly(new EvaluationError.MissingContext(
                new StatementRef("p", 1, null, Effect.DENY), CURRENT_TIME));
    }

    @Test
    void evaluateWhenAnotherConditionIsFalseThenStatementSimplyDoesNotMatch() {
        PolicyDocument policy = document("p", allow(), deny()
                .condition("IpAddress", SOURCE_IP, "10.0.0.0/8")
                .condition("DateLessThan", CURRENT_TIME, "2000-01-01T00:00:00Z"));

        Decision decision = evaluate(request().sourceIp(null).build(), policy);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ALLOW);
        assertThat(decision.errors()).isEmpty();
    }

    @Test
    void evaluateWhenScopeDoesNotMatchThenMissingContextIsNotReported() {
        PolicyDocument policy = document("p", allow(),
                deny().action("iam:DeleteToken").condition("IpAddress", SOURCE_IP, "10.0.0.0/8"));

        Decision decision = evaluate(request().sourceIp(null).build(), policy);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ALLOW);
        assertThat(decision.errors()).isEmpty();
    }

    @Test
    void evaluateWhenUnknownDenyComesBeforeCleanDenyThenCleanDenyDecidesAndErrorIsReported() {
        PolicyDocument policy = document("p",
                deny().sid("ip").condition("IpAddress", SOURCE_IP, "10.0.0.0/8"),
                deny().sid("clean"));

        Decision decision = evaluate(request().sourceIp(null).build(), policy);

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
        assertThat(decision.deciding().sid()).isEqualTo("clean");
        assertThat(decision.errors()).extracting(e -> e.statement().sid()).containsExactly("ip");
    }

    @Test
    void evaluateWhenSeveralConditionsLackContextThenEachIsReported() {
        PolicyDocument policy = document("p", deny()
                .condition("IpAddress", SOURCE_IP, "10.0.0.0/8")
                .condition("DateLessThan", CURRENT_TIME, "2030-01-01T00:00:00Z"));

        Decision decision = evaluate(request().sourceIp(null).time(null).build(), policy);

        assertThat(decision.errors()).extracting(e -> ((EvaluationError.MissingContext) e).key())
                .containsExactly(SOURCE_IP, CURRENT_TIME);
    }

    @Test
    void evaluateWhenContextPresentThenNoErrorsAndSharedDecision() {
        PolicyDocument policy = document("p", allow().condition("IpAddress", SOURCE_IP, "10.0.0.0/8"));
        var compiled = engine.compile(List.of(policy));

        Decision first = compiled.evaluate(request().time(Instant.EPOCH).build());

        assertThat(first.errors()).isEmpty();
        assertThat(compiled.evaluate(request().build())).isSameAs(first);
    }
}
