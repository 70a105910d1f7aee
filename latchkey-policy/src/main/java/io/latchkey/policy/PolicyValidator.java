package io.latchkey.policy;

import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.policy.PolicyCondition;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;

import java.util.List;

/**
 * The rules a document must meet to be stored. Fails on the first problem, with {@code invalid_field} naming it
 * in the wire shape of the IAM dialect's {@code PolicyDto} (specs/affinidi-iam.md section 4.2):
 * {@code version}, {@code statement}, {@code statement[3].effect}, {@code statement[0].action[2]},
 * {@code statement[1].condition.IpAddress}.
 *
 * <p>Message texts start with the field and say what to write instead; the fixed parts are constants so tests
 * can assert them.
 */
final class PolicyValidator {
    /** The only document version so far; the vendor CLI writes it. */
    static final String VERSION = "2022-12-15";
    static final int MAX_STATEMENTS = 10_000;
    static final int MAX_PATTERN_LENGTH = 1024;

    static final String BAD_VERSION = " must be \"" + VERSION + "\", the only policy version this server reads";
    static final String TOO_MANY_STATEMENTS = " must hold at most " + MAX_STATEMENTS
            + " statements; merge statements that share an effect, or use wildcards";
    static final String BAD_EFFECT = " must be Allow or Deny";
    static final String EMPTY_PATTERNS = " must list at least one pattern; use \"*\" to match anything";
    static final String BLANK_PATTERN = " must not be blank; use \"*\" to match anything";
    static final String LONG_PATTERN = " must be at most " + MAX_PATTERN_LENGTH
            + " characters; shorten it with a wildcard";
    static final String CONTROL_IN_PATTERN = " must not contain control characters";

    private PolicyValidator() {
    }

    static void validate(PolicyDocument document) {
        if (!VERSION.equals(document.version())) {
            throw LatchkeyException.invalidField("version", "version" + BAD_VERSION);
        }
        List<PolicyStatement> statements = document.statements();
        if (statements.size() > MAX_STATEMENTS) {
            throw LatchkeyException.invalidField("statement", "statement" + TOO_MANY_STATEMENTS);
        }
        for (int i = 0; i < statements.size(); i++) {
            statement("statement[" + i + "]", statements.get(i));
        }
    }

    private static void statement(String field, PolicyStatement statement) {
        if (statement.effect() == null) {
            throw LatchkeyException.invalidField(field + ".effect", field + ".effect" + BAD_EFFECT);
        }
        patterns(field + ".principal", statement.principals());
        patterns(field + ".action", statement.actions());
        patterns(field + ".resource", statement.resources());
        for (PolicyCondition condition : statement.conditions()) {
            if (ConditionCompiler.compile(condition) instanceof CompiledCondition.Unevaluable broken) {
                String conditionField = field + ".condition";
                ConditionProblem problem = broken.problem();
                throw LatchkeyException.invalidField(problem.field(conditionField), problem.message(conditionField));
            }
        }
    }

    private static void patterns(String field, List<String> patterns) {
        if (patterns.isEmpty()) {
            throw LatchkeyException.invalidField(field, field + EMPTY_PATTERNS);
        }
        for (int i = 0; i < patterns.size(); i++) {
            pattern(field + "[" + i + "]", patterns.get(i));
        }
    }

    private static void pattern(String field, String pattern) {
        if (pattern.isBlank()) {
            throw LatchkeyException.invalidField(field, field + BLANK_PATTERN);
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw LatchkeyException.invalidField(field, field + LONG_PATTERN);
        }
        for (int i = 0; i < pattern.length(); i++) {
            if (Character.isISOControl(pattern.charAt(i))) {
                throw LatchkeyException.invalidField(field, field + CONTROL_IN_PATTERN);
            }
        }
    }
}
