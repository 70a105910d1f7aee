package io.latchkey.policy;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.CompiledPolicies;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.StatementRef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.latchkey.policy.TestPolicies.PRINCIPAL;
import static io.latchkey.policy.TestPolicies.PROJECT;
import static io.latchkey.policy.TestPolicies.RESOURCE;
import static io.latchkey.policy.TestPolicies.allow;
import static io.latchkey.policy.TestPolicies.deny;
import static io.latchkey.policy.TestPolicies.document;
import static io.latchkey.policy.TestPolicies.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultPolicyEngineEvaluateTest {
    private final DefaultPolicyEngine engine = new DefaultPolicyEngine();

    private Decision evaluate(AuthzRequest request, PolicyDocument... documents) {
        return engine.compile(List.of(documents)).evaluate(request);
    }

    @Test
    void evaluateWhenNoDocumentsThenNoMatch() {
        Decision decision = engine.compile(List.of()).evaluate(request().build());

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.NO_MATCH);
        assertThat(decision.deciding()).isNull();
        assertThat(decision.errors()).isEmpty();
        assertThat(decision.allowed()).isFalse();
    }

    @Test
    void evaluateWhenEmptyStatementListThenNoMatch() {
        Decision decision = evaluate(request().build(), document("p1"));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.NO_MATCH);
    }

    @Test
    void evaluateWhenAllowMatchesThenAllowWithDecidingStatement() {
        Decision decision = evaluate(request().build(), document("p1", allow().sid("all")));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ALLOW);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.deciding()).isEqualTo(new StatementRef("p1", 0, "all", Effect.ALLOW));
        assertThat(decision.errors()).isEmpty();
    }

    @Test
    void evaluateWhenNothingMatchesThenDefaultDeny() {
        Decision decision = evaluate(request().build(), document("p1", allow().action("iam:DeleteToken")));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.NO_MATCH);
        assertThat(decision.deciding()).isNull();
    }

    @Test
    void evaluateWhenDenyAndAllowMatchThenDeny() {
        Decision decision = evaluate(request().build(), document("p1", allow(), deny().sid("stop")));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
        assertThat(decision.deciding()).isEqualTo(new StatementRef("p1", 1, "stop", Effect.DENY));
    }

    @Test
    void evaluateWhenDenyInLaterDocumentThenDenyStillWins() {
        Decision decision = evaluate(request().build(), document("first", allow()), document("second", deny()));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
        assertThat(decision.deciding().policyId()).isEqualTo("second");
    }

    @Test
    void evaluateWhenSeveralDeniesMatchThenFirstInDocumentOrderDecides() {
        Decision decision = evaluate(request().build(),
                document("a", allow(), deny().action("iam:Other"), deny().action("iam:*")),
                document("b", deny()));

        assertThat(decision.deciding()).isEqualTo(new StatementRef("a", 2, null, Effect.DENY));
    }

    @Test
    void evaluateWhenSeveralAllowsMatchThenFirstAllowDecides() {
        Decision decision = evaluate(request().build(),
                document("a", allow().resource("ari:other"), allow().action("iam:CreateToken"), allow()));

        assertThat(decision.deciding()).isEqualTo(new StatementRef("a", 1, null, Effect.ALLOW));
    }

    @Test
    void evaluateWhenExactActionStatementComesAfterWildcardOneThenOrderIsStillDocumentOrder() {
        Decision decision = evaluate(request().build(),
                document("a", allow().sid("wild").action("iam:*"), allow().sid("exact").action("iam:CreateToken")));

        assertThat(decision.deciding().sid()).isEqualTo("wild");
    }

    @Test
    void evaluateWhenStatementHasExactAndWildcardActionsThenItIsEvaluatedOnce() {
        Decision decision = evaluate(request().build(),
                document("a", allow().action("iam:CreateToken", "iam:Create*", "IAM:CreateToken")));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ALLOW);
        assertThat(decision.deciding().index()).isZero();
    }

    @Test
    void evaluateWhenActionIsNamedOnlyByWildcardsThenServiceAndGlobalWildcardsApply() {
        PolicyDocument policy = document("a",
                allow().sid("kms").action("KMS:*"),
                deny().sid("iam-delete").action("IAM:Delete*"),
                allow().sid("iam-get").action("iam:Get*"),
                allow().sid("any-describe").action("*:Describe"));
        CompiledPolicies compiled = engine.compile(List.of(policy));

        assertThat(compiled.evaluate(request().action("iam:GetThing").build()).deciding().sid()).isEqualTo("iam-get");
        assertThat(compiled.evaluate(request().action("Iam:DeleteThing").build()).deciding().sid())
                .isEqualTo("iam-delete");
        assertThat(compiled.evaluate(request().action("audit:Describe").build()).deciding().sid())
                .isEqualTo("any-describe");
        assertThat(compiled.evaluate(request().action("kms:Describe").build()).deciding().sid()).isEqualTo("kms");
        assertThat(compiled.evaluate(request().action("audit:Get").build()).outcome())
                .isEqualTo(DecisionOutcome.NO_MATCH);
    }

    @Test
    void evaluateWhenPrincipalDiffersThenNoMatch() {
        Decision decision = evaluate(request().principal("ari:iam::" + PROJECT + ":token/tok-2").build(),
                document("a", allow().principal(PRINCIPAL)));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.NO_MATCH);
    }

    @Test
    void evaluateWhenResourceDiffersThenNoMatch() {
        Decision decision = evaluate(request().build(),
                document("a", allow().resource(RESOURCE + "x")));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.NO_MATCH);
    }

    @Test
    void evaluateWhenAnyOfSeveralPatternsMatchesThenMemberMatches() {
        Decision decision = evaluate(request().build(), document("a", allow()
                .principal("ari:iam::other:token/*", PRINCIPAL)
                .action("iam:DeleteToken", "iam:CreateToken")
                .resource("nope", "ari:iam::" + PROJECT + ":token/?bc")));

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ALLOW);
    }

    @Test
    void evaluateWhenAriPatternsThenProjectScopingWorks() {
        PolicyDocument policy = document("p", allow()
                .principal("ari:iam::" + PROJECT + ":token/*")
                .action("iam:*")
                .resource("ari:iam::" + PROJECT + ":*"));

        assertThat(evaluate(request().build(), policy).allowed()).isTrue();
        assertThat(evaluate(request().resource("ari:iam::P999:token/abc").build(), policy).allowed()).isFalse();
        assertThat(evaluate(request().principal("ari:iam::" + PROJECT + ":user/u1").build(), policy).allowed())
                .isFalse();
    }

    @Test
    void evaluateWhenCleanDecisionThenSameInstanceIsReturnedEachTime() {
        CompiledPolicies compiled = engine.compile(List.of(document("a", allow())));

        assertThat(compiled.evaluate(request().build())).isSameAs(compiled.evaluate(request().build()));
    }

    @Test
    void evaluateWhenManyStatementsThenIndexFindsTheOneThatMatches() {
        List<TestPolicies.StatementBuilder> statements = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            statements.add(allow().action("svc" + i + ":Read").resource("ari:svc::" + PROJECT + ":thing/" + i));
        }
        statements.add(deny().action("svc*:Read").resource("*/666"));
        PolicyDocument policy = document("big", statements.toArray(new TestPolicies.StatementBuilder[0]));
        CompiledPolicies compiled = engine.compile(List.of(policy));

        Decision allowed = compiled.evaluate(request().action("SVC42:Read").resource("ari:svc::" + PROJECT + ":thing/42").build());
        Decision denied = compiled.evaluate(request().action("svc666:Read").resource("ari:svc::" + PROJECT + ":thing/666").build());

        assertThat(allowed.deciding().index()).isEqualTo(42);
        assertThat(denied.outcome()).isEqualTo(DecisionOutcome.EXPLICIT_DENY);
        assertThat(denied.deciding().index()).isEqualTo(10_000);
    }

    @Test
    void evaluateWhenRequestIsNullThenIllegalArgument() {
        CompiledPolicies compiled = engine.compile(List.of());

        assertThatThrownBy(() -> compiled.evaluate(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("request cannot be null");
    }

    @Test
    void evaluateWhenRequestMembersAreNullThenIllegalArgument() {
        CompiledPolicies compiled = engine.compile(List.of());

        assertThatThrownBy(() -> compiled.evaluate(request().principal(null).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("request.principal cannot be null");
        assertThatThrownBy(() -> compiled.evaluate(request().action(null).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("request.action cannot be null");
        assertThatThrownBy(() -> compiled.evaluate(request().resource(null).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("request.resource cannot be null");
    }

    @Test
    void compileWhenDocumentsIsNullThenIllegalArgument() {
        assertThatThrownBy(() -> engine.compile(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("documents cannot be null");
    }

    @Test
    void compileWhenDocumentElementIsNullThenIllegalArgument() {
        List<PolicyDocument> documents = new ArrayList<>();
        documents.add(null);

        assertThatThrownBy(() -> engine.compile(documents))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("documents element cannot be null");
    }

    @Test
    void validateWhenDocumentIsNullThenIllegalArgument() {
        assertThatThrownBy(() -> engine.validate(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("document cannot be null");
    }
}
