package io.latchkey.core.policy;

/**
 * A set of policies compiled into matchers. Immutable and thread-safe; evaluation is a pure function of the
 * request and does no I/O.
 *
 * @since 0.1
 */
public interface CompiledPolicies {

    /** Default deny; any matching Deny wins; otherwise any matching Allow grants. */
    Decision evaluate(AuthzRequest request);
}
