package io.latchkey.core.policy;

import java.util.Collection;

/**
 * Port: compiles policy documents once (when they change), so that evaluation per request does not parse.
 * Implemented in latchkey-policy.
 *
 * @since 0.1
 */
public interface PolicyEngine {

    /**
     * Checks a document a client wants to store: effects, non-empty pattern lists, pattern syntax, known
     * condition operators and keys, readable condition values.
     *
     * @throws io.latchkey.core.error.LatchkeyException {@code invalid_field} naming the offending member
     *         as {@code statement[<i>].<member>}
     */
    void validate(PolicyDocument document);

    CompiledPolicies compile(Collection<PolicyDocument> documents);
}
