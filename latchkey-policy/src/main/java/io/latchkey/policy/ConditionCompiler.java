package io.latchkey.policy;

import io.latchkey.core.policy.PolicyCondition;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Turns a {@link PolicyCondition} into a {@link CompiledCondition}. Never throws on bad input: a condition that
 * cannot be compiled becomes {@link CompiledCondition.Unevaluable} carrying a {@link ConditionProblem}, which
 * validation rejects and compilation reports.
 */
final class ConditionCompiler {
    static final String CIDR_EXAMPLE = "203.0.113.0/24 or 2001:db8::/32";
    static final String INSTANT_EXAMPLE = "2024-01-31T18:00:00Z";

    private ConditionCompiler() {
    }

    static CompiledCondition compile(PolicyCondition condition) {
        String op = condition.operator();
        if (op == null) {
            return unsupported(condition, "", "has no operator; use one of " + ConditionOperator.SUPPORTED);
        }
        ConditionOperator operator = ConditionOperator.fromWire(op);
        if (operator == null) {
            return unsupported(condition, "." + op,
                    "is not a supported condition operator; use one of " + ConditionOperator.SUPPORTED
                            + " (names are case-sensitive)");
        }
        ConditionKey expected = operator.key();
        if (ConditionKey.fromWire(condition.key()) != expected) {
            return unsupported(condition, "." + op, "does not support the key "
                    + ConditionProblem.quote(condition.key()) + "; use " + expected.wire());
        }
        List<String> values = condition.values();
        if (values.isEmpty()) {
            return malformed(condition, "", "must list at least one value for " + expected.wire());
        }
        return expected == ConditionKey.SOURCE_IP ? address(condition, operator) : time(condition, operator);
    }

    private static CompiledCondition address(PolicyCondition condition, ConditionOperator operator) {
        List<String> values = condition.values();
        IpBlock[] blocks = new IpBlock[values.size()];
        for (int i = 0; i < blocks.length; i++) {
            String value = values.get(i);
            blocks[i] = IpBlock.parse(value);
            if (blocks[i] == null) {
                return malformed(condition, value, "value " + i + " " + ConditionProblem.quote(value)
                        + " is not an IPv4 or IPv6 address or CIDR block; write it like " + CIDR_EXAMPLE);
            }
        }
        return new CompiledCondition.Address(blocks, operator == ConditionOperator.NOT_IP_ADDRESS);
    }

    private static CompiledCondition time(PolicyCondition condition, ConditionOperator operator) {
        List<String> values = condition.values();
        Instant[] instants = new Instant[values.size()];
        for (int i = 0; i < instants.length; i++) {
            String value = values.get(i);
            instants[i] = parseInstant(value);
            if (instants[i] == null) {
                return malformed(condition, value, "value " + i + " " + ConditionProblem.quote(value)
                        + " is not an ISO-8601 instant; write it like " + INSTANT_EXAMPLE);
            }
        }
        return new CompiledCondition.Time(operator, instants);
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static CompiledCondition unsupported(PolicyCondition c, String fieldSuffix, String defect) {
        return new CompiledCondition.Unevaluable(
                new ConditionProblem(true, c.operator(), c.key(), null, fieldSuffix, defect));
    }

    private static CompiledCondition malformed(PolicyCondition c, String value, String defect) {
        return new CompiledCondition.Unevaluable(
                new ConditionProblem(false, c.operator(), c.key(), value, "." + c.operator(), defect));
    }
}
