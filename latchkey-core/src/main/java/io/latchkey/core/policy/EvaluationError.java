package io.latchkey.core.policy;

/**
 * A problem met while evaluating one statement. The statement was skipped; an error never grants access.
 * Sealed, so adding a kind breaks callers' switches on purpose.
 *
 * @since 0.1
 */
public sealed interface EvaluationError {

    StatementRef statement();

    String message();

    /** A condition operator or key the engine does not know. */
    record UnsupportedCondition(StatementRef statement, String operator, String key) implements EvaluationError {
        @Override
        public String message() {
            return "unsupported condition " + operator + " on " + key;
        }
    }

    /** A condition value that cannot be read (a malformed CIDR or date). */
    record MalformedConditionValue(StatementRef statement, String operator, String value) implements EvaluationError {
        @Override
        public String message() {
            return "malformed value '" + value + "' for " + operator;
        }
    }

    /** The request lacks context a condition needs (for example no source address). */
    record MissingContext(StatementRef statement, String key) implements EvaluationError {
        @Override
        public String message() {
            return "request has no value for " + key;
        }
    }
}
