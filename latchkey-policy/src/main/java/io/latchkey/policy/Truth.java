package io.latchkey.policy;

/**
 * Three-valued (Kleene) logic for conditions and statements. {@code UNKNOWN} means "could not be evaluated":
 * the request lacks the context a condition reads, or the condition itself is broken.
 *
 * <p>A statement's conditions are combined with AND under Kleene's rules: one FALSE makes the statement FALSE
 * whatever the unknown values are (so nothing is reported for it), otherwise one UNKNOWN makes it UNKNOWN.
 */
enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }
}
