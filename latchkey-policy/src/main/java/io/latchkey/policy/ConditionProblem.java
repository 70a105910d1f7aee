package io.latchkey.policy;

import io.latchkey.core.policy.EvaluationError;
import io.latchkey.core.policy.StatementRef;

/**
 * Why a condition cannot be compiled. One description serves both callers: validation turns it into an
 * {@code invalid_field} error, compilation into the {@link EvaluationError} reported whenever the statement
 * could have applied.
 *
 * @param unsupported true for an unknown operator or key, false for a missing or unreadable value
 * @param operator the operator as written (may be null)
 * @param key the key as written (may be null)
 * @param value the offending value as written ({@code ""} when values are missing)
 * @param fieldSuffix appended to {@code statement[i].condition} to name the field at fault
 * @param defect what is wrong and what to write instead, phrased to follow the field name
 */
record ConditionProblem(boolean unsupported, String operator, String key, String value, String fieldSuffix,
                        String defect) {
    private static final int EXCERPT = 64;

    String field(String conditionField) {
        return conditionField + fieldSuffix;
    }

    String message(String conditionField) {
        return field(conditionField) + " " + defect;
    }

    EvaluationError toError(StatementRef statement) {
        return unsupported
                ? new EvaluationError.UnsupportedCondition(statement, operator, key)
                : new EvaluationError.MalformedConditionValue(statement, operator, value);
    }

    /**
     * Policy text is not secret, but it is caller input: quote at most {@value #EXCERPT} characters and neutralise
     * control characters so that a message cannot forge log lines.
     */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), EXCERPT) + 4).append('\'');
        for (int i = 0; i < text.length() && i < EXCERPT; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > EXCERPT) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }
}
