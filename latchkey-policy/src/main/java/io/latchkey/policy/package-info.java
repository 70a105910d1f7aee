/**
 * The policy engine: validates policy documents, compiles them into indexed matchers and evaluates
 * authorization requests against them (DESIGN.md section 3 "Policy", STYLE.md section 6).
 *
 * <p>The only public type is {@link io.latchkey.policy.DefaultPolicyEngine}, the stock implementation of the
 * core port {@link io.latchkey.core.policy.PolicyEngine}. Everything else in this package is an implementation
 * detail and may change without notice.
 *
 * <p>Plain Java only: this module depends on the JDK and on latchkey-core's value types, nothing else
 * (STYLE.md section 1, enforced by the Maven Enforcer and by {@code ImportRulesTest}).
 *
 * @since 0.1
 */
package io.latchkey.policy;
