package io.latchkey.core.policy;

/** Why a decision came out as it did. */
public enum DecisionOutcome {
    /** At least one Allow statement matched and no Deny statement did. */
    ALLOW,
    /** A Deny statement matched (it wins over any Allow). */
    EXPLICIT_DENY,
    /** No statement matched: denied by default. */
    NO_MATCH
}
