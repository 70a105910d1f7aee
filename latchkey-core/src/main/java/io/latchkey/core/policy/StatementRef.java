package io.latchkey.core.policy;

/**
 * Points at one statement: the policy's id, the statement's index in it, and its sid when it has one.
 *
 * @since 0.1
 */
public record StatementRef(String policyId, int index, String sid, Effect effect) {
}
