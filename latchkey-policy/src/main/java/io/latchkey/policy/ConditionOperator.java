package io.latchkey.policy;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The supported condition operators and the one key each reads. Operator names are case-sensitive, as the
 * IAM dialect writes them.
 *
 * <p>Several values under one operator are alternatives (OR): {@code IpAddress} holds when the address is in
 * any listed block, {@code DateLessThan} when the time is before any listed instant. {@code NotIpAddress} is
 * the negation of {@code IpAddress} over the same list: it holds when the address is in none of the blocks.
 */
enum ConditionOperator {
    IP_ADDRESS("IpAddress", ConditionKey.SOURCE_IP),
    NOT_IP_ADDRESS("NotIpAddress", ConditionKey.SOURCE_IP),
    DATE_GREATER_THAN("DateGreaterThan", ConditionKey.CURRENT_TIME),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", ConditionKey.CURRENT_TIME),
    DATE_LESS_THAN("DateLessThan", ConditionKey.CURRENT_TIME),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", ConditionKey.CURRENT_TIME);

    /** The operator names, for messages: "IpAddress, NotIpAddress, ...". */
    static final String SUPPORTED = Arrays.stream(values()).map(ConditionOperator::wire)
            .collect(Collectors.joining(", "));

    private final String wire;
    private final ConditionKey key;

    ConditionOperator(String wire, ConditionKey key) {
        this.wire = wire;
        this.key = key;
    }

    String wire() {
        return wire;
    }

    /** The only key this operator accepts. */
    ConditionKey key() {
        return key;
    }

    /**
     * For the date operators: whether {@code comparison}, the sign of {@code requestTime.compareTo(value)},
     * satisfies this operator.
     */
    boolean acceptsTimeComparison(int comparison) {
        return switch (this) {
            case DATE_GREATER_THAN -> comparison > 0;
            case DATE_GREATER_THAN_EQUALS -> comparison >= 0;
            case DATE_LESS_THAN -> comparison < 0;
            case DATE_LESS_THAN_EQUALS -> comparison <= 0;
            case IP_ADDRESS, NOT_IP_ADDRESS -> throw new IllegalStateException(wire + " does not compare times");
        };
    }

    /** The operator spelled exactly {@code name}, or null. Compile-time only. */
    static ConditionOperator fromWire(String name) {
        for (ConditionOperator op : values()) {
            if (op.wire.equals(name)) {
                return op;
            }
        }
        return null;
    }
}
