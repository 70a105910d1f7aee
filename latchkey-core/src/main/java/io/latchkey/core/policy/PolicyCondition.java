package io.latchkey.core.policy;

import java.util.List;

/**
 * One condition of a statement, in the familiar IAM form {@code {"<operator>": {"<key>": [values]}}}.
 * Supported operators and keys are defined by the policy engine (see latchkey-policy); unknown ones are
 * rejected when a policy is written, and if one is ever met at evaluation time the statement is skipped
 * and reported, never treated as matching.
 *
 * <p>Examples: {@code IpAddress} / {@code NotIpAddress} with key {@code lk:SourceIp} and CIDR values;
 * {@code DateGreaterThan} / {@code DateLessThan} with key {@code lk:CurrentTime} and ISO-8601 values.
 *
 * @since 0.1
 */
public record PolicyCondition(String operator, String key, List<String> values) {
    public PolicyCondition {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
