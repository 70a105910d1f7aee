package io.latchkey.core.policy;

import java.util.List;

/**
 * The evaluator's answer with its reasons.
 *
 * @param deciding the statement that decided: the first matching Deny for {@link DecisionOutcome#EXPLICIT_DENY},
 *        the first matching Allow for {@link DecisionOutcome#ALLOW}, null for {@link DecisionOutcome#NO_MATCH}
 * @param errors statements skipped because they could not be evaluated
 * @since 0.1
 */
public record Decision(DecisionOutcome outcome, StatementRef deciding, List<EvaluationError> errors) {
    public Decision {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public boolean allowed() {
        return outcome == DecisionOutcome.ALLOW;
    }
}
