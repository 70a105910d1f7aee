package io.latchkey.policy;

import io.latchkey.core.policy.CompiledPolicies;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyEngine;
import io.latchkey.core.support.Require;

import java.util.Collection;

/**
 * The stock {@link PolicyEngine}: validates IAM-style policy documents (specs/affinidi-iam.md section 4.2,
 * version {@code 2022-12-15}) and compiles them into indexed matchers whose evaluation takes microseconds and
 * allocates nothing in the common case (DESIGN.md section 3 "Policy"). Stateless and thread-safe; the compiled
 * sets it returns are immutable and thread-safe too.
 *
 * <h2>Decisions</h2>
 * Default deny; a matching Deny wins over any Allow; otherwise a matching Allow grants. The deciding statement
 * is the first matching Deny (outcome {@code EXPLICIT_DENY}) or else the first matching Allow ({@code ALLOW}),
 * "first" meaning the order of the documents as passed to {@link #compile} and of the statements within each;
 * with no match the outcome is {@code NO_MATCH} and the deciding statement is null. A statement matches when
 * the request's principal matches one of its principal patterns, its action one of its action patterns, its
 * resource one of its resource patterns, and every condition holds.
 *
 * <h2>Patterns</h2>
 * {@code *} matches any run of characters, empty or not, {@code ':'} and {@code '/'} included; {@code ?}
 * matches exactly one character; everything else matches itself, case-sensitively. There is no escape syntax.
 * One exception to case: in actions ({@code service:Verb}) the service part, up to the first {@code ':'},
 * compares ignoring ASCII case, so {@code IAM:CreateToken} equals {@code iam:CreateToken}, while the verb
 * ({@code CreateToken} versus {@code createtoken}) does not.
 *
 * <h2>Conditions</h2>
 * {@code IpAddress} / {@code NotIpAddress} on {@code lk:SourceIp} with IPv4 or IPv6 addresses or CIDR blocks.
 * IPv4-mapped IPv6 addresses such as {@code ::ffff:10.0.0.1} count as their IPv4 address, so the IPv6 block
 * {@code ::/0} covers IPv4 too, while {@code 0.0.0.0/0} covers IPv4 only; host bits below the prefix are
 * ignored ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}); host names, zone ids and octets with leading zeros are
 * refused. {@code DateGreaterThan}, {@code DateGreaterThanEquals}, {@code DateLessThan} and
 * {@code DateLessThanEquals} on {@code lk:CurrentTime} with ISO-8601 instants ({@code 2024-01-31T18:00:00Z},
 * offsets allowed), compared to the nanosecond.
 * Several values under one condition are alternatives (OR; {@code NotIpAddress} holds when the address is in
 * none of the blocks); several conditions must all hold (AND). Operator names are case-sensitive, key names
 * are not.
 *
 * <h2>Errors never grant</h2>
 * A statement whose principal, action and resource match can still fail to evaluate: the request lacks a
 * value a condition reads (no source address, or one that is not an address literal; no time), or the
 * condition is broken (an unknown operator or key, an unreadable value, no values; possible only in
 * documents that skipped {@link #validate}). Conditions use three-valued logic: if another condition of the
 * statement is false, the statement simply does not match, whatever the missing value would have been, and
 * nothing is reported; otherwise the statement is <em>unknown</em>, and:
 * <ul>
 *   <li>an unknown <b>Deny</b> counts as matching. A skipped Deny could otherwise turn into a grant whenever
 *       some Allow matches, e.g. {@code Deny NotIpAddress 10.0.0.0/8} would stop protecting anything for a
 *       request without a source address. (Cedar skips an erroring forbid instead; we do not, on purpose.)
 *       The deciding statement is the first Deny that matched cleanly, or, when none did, the first unknown
 *       one.</li>
 *   <li>an unknown <b>Allow</b> counts as not matching: it is skipped and evaluation goes on to later Allow
 *       statements.</li>
 * </ul>
 * Every unknown statement met before the decision was reached is reported in {@code Decision.errors()}: as
 * {@code MissingContext} with the key ({@code lk:SourceIp}, {@code lk:CurrentTime}), {@code
 * UnsupportedCondition} or {@code MalformedConditionValue}. Evaluation stops at the deciding statement, so
 * unknown statements after it are not reported. A statement without an effect (again, only in unvalidated
 * documents) can neither grant nor deny and is left out at compile time. Documents are not version-checked at
 * compile time; that is {@link #validate}'s job when they are written.
 *
 * <h2>Performance</h2>
 * Compilation indexes statements by action, so a request looks only at the statements naming its action
 * exactly, those with a wildcard action in its service ({@code iam:Get*}) and those with a wildcard service
 * ({@code *}, {@code *:Read}); literal patterns become {@code equals}, {@code text*} becomes {@code startsWith},
 * and only general shapes run a wildcard matcher (no regular expressions; at worst O(pattern x input), never
 * exponential). The common decision allocates nothing: the decisions without errors are created once per
 * statement at compile time. Trap: statements whose action is {@code *} are candidates for every request, so
 * thousands of them cost thousands of pattern tests per request.
 *
 * @since 0.1
 */
public final class DefaultPolicyEngine implements PolicyEngine {

    /** Creates the engine. It holds no state, so one instance can serve the whole process. */
    public DefaultPolicyEngine() {
        // Stateless by design: every compiled set carries its own state.
    }

    /**
     * Checks a document a client wants to store: {@code version} is {@code "2022-12-15"}; at most 10,000
     * statements (none is fine: no access); each has an effect and non-empty {@code principal}, {@code action}
     * and {@code resource} lists of non-blank patterns of at most 1024 characters without control characters;
     * conditions use a supported operator with its key and readable values.
     *
     * @throws io.latchkey.core.error.LatchkeyException {@code invalid_field} naming the first offending member,
     *         e.g. {@code statement[0].action[2]} or {@code statement[3].condition.IpAddress}
     * @throws IllegalArgumentException when {@code document} is null
     */
    @Override
    public void validate(PolicyDocument document) {
        PolicyValidator.validate(Require.nonNull(document, "document"));
    }

    /**
     * Compiles documents for evaluation. Does not validate, and does not throw on invalid content: problems
     * are reported by {@code evaluate} for the statements they affect and never grant access (see the class
     * comment).
     *
     * @param documents in priority order for choosing the deciding statement; may be empty (everything is
     *        then {@code NO_MATCH})
     * @throws IllegalArgumentException when {@code documents} or one of its elements is null
     */
    @Override
    public CompiledPolicies compile(Collection<PolicyDocument> documents) {
        return IndexedPolicies.compile(Require.nonNull(documents, "documents"));
    }
}
