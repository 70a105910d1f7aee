package io.latchkey.policy;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.EvaluationError;
import io.latchkey.core.policy.PolicyCondition;
import io.latchkey.core.policy.PolicyStatement;
import io.latchkey.core.policy.StatementRef;

import java.util.List;

/**
 * One statement, compiled: pattern sets for principal, action and resource, parsed conditions, and the
 * {@link Decision} it produces when it decides alone and cleanly, allocated once here so that the common
 * evaluation allocates nothing.
 */
final class CompiledStatement {
    private static final CompiledCondition[] NO_CONDITIONS = new CompiledCondition[0];

    private final StatementRef ref;
    private final PatternSet principals;
    private final PatternSet actions;
    private final PatternSet resources;
    private final CompiledCondition[] conditions;
    private final Decision decision;

    private CompiledStatement(StatementRef ref, PatternSet principals, PatternSet actions, PatternSet resources,
                              CompiledCondition[] conditions) {
        this.ref = ref;
        this.principals = principals;
        this.actions = actions;
        this.resources = resources;
        this.conditions = conditions;
        DecisionOutcome outcome = ref.effect() == Effect.DENY ? DecisionOutcome.EXPLICIT_DENY : DecisionOutcome.ALLOW;
        this.decision = new Decision(outcome, ref, List.of());
    }

    /** Compiles {@code statement}; the caller has checked that its effect is not null. */
    static CompiledStatement compile(String policyId, int index, PolicyStatement statement) {
        StatementRef ref = new StatementRef(policyId, index, statement.sid(), statement.effect());
        return new CompiledStatement(ref,
                PatternSet.of(statement.principals(), WildcardPattern::of),
                PatternSet.of(statement.actions(), WildcardPattern::action),
                PatternSet.of(statement.resources(), WildcardPattern::of),
                compileConditions(statement.conditions()));
    }

    private static CompiledCondition[] compileConditions(List<PolicyCondition> conditions) {
        if (conditions.isEmpty()) {
            return NO_CONDITIONS;
        }
        CompiledCondition[] out = new CompiledCondition[conditions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ConditionCompiler.compile(conditions.get(i));
        }
        return out;
    }

    /**
     * Whether this statement applies to the request.
     *
     * @param action the request's canonical action ({@link ActionNames#canonical})
     * @param serviceEnd {@link ActionNames#serviceEnd} of {@code action}
     * @param actionMatched true when the action index already proved that an action pattern matches
     * @param facts the request's facts; non-null whenever this statement has conditions
     */
    Truth test(AuthzRequest request, String action, int serviceEnd, boolean actionMatched, RequestFacts facts) {
        if (!(actionMatched || actions.matches(action, serviceEnd))
                || !principals.matches(request.principal(), 0)
                || !resources.matches(request.resource(), 0)) {
            return Truth.FALSE;
        }
        return conditions.length == 0 ? Truth.TRUE : testConditions(facts);
    }

    private Truth testConditions(RequestFacts facts) {
        Truth result = Truth.TRUE;
        for (CompiledCondition condition : conditions) {
            Truth t = condition.test(facts);
            if (t == Truth.FALSE) {
                return Truth.FALSE;
            }
            if (t == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return result;
    }

    /** Adds to {@code sink} the reason of every condition that is UNKNOWN for this request. */
    void explainUnknown(RequestFacts facts, List<EvaluationError> sink) {
        for (CompiledCondition condition : conditions) {
            if (condition.test(facts) == Truth.UNKNOWN) {
                sink.add(condition.explainUnknown(ref));
            }
        }
    }

    StatementRef ref() {
        return ref;
    }

    Effect effect() {
        return ref.effect();
    }

    PatternSet actions() {
        return actions;
    }

    boolean hasConditions() {
        return conditions.length > 0;
    }

    /** The decision when this statement decides and no error was met; shared, immutable. */
    Decision decision() {
        return decision;
    }
}
