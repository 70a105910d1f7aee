package io.latchkey.sdk;

import java.util.List;

/**
 * The answer of the authorization check.
 *
 * @param decision          {@code Allow} or {@code Deny}
 * @param outcome           {@code ALLOW}, {@code EXPLICIT_DENY} or {@code NO_MATCH} (default deny)
 * @param decidingStatement the statement that decided, or null when none matched
 * @param reason            a sentence saying why
 * @param decisionId        the id of this decision in the audit log
 * @param errors            statements that could not be evaluated (they never grant)
 * @since 0.1
 */
public record AuthzDecision(String decision, String outcome, DecidingStatement decidingStatement, String reason,
                            String decisionId, List<String> errors) {

    public AuthzDecision {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Whether access is allowed. */
    public boolean allowed() {
        return "Allow".equals(decision);
    }

    /**
     * The statement that decided.
     *
     * @param policyId the policy it belongs to
     * @param index    its position in the policy, from 0
     * @param sid      its sid, or null
     * @param effect   {@code Allow} or {@code Deny}
     */
    public record DecidingStatement(String policyId, int index, String sid, String effect) {
    }
}
