package io.latchkey.core.policy;

import java.util.List;

/**
 * One statement: when the request's principal, action and resource each match one of the patterns and
 * every condition holds, the statement applies with its effect.
 *
 * <p>Patterns are strings as written by clients and are stored verbatim. Actions look like
 * {@code service:Verb} ({@code iam:CreateToken}, {@code secrets:Read}, {@code *}); principals and
 * resources are ARIs ({@code ari:<service>:<region>:<projectId>:<type>/<path>}). {@code *} matches any
 * run of characters and {@code ?} exactly one.
 *
 * @param sid optional statement id, echoed in decisions
 * @since 0.1
 */
public record PolicyStatement(String sid, Effect effect, List<String> principals, List<String> actions,
                              List<String> resources, List<PolicyCondition> conditions) {
    public PolicyStatement {
        principals = principals == null ? List.of() : List.copyOf(principals);
        actions = actions == null ? List.of() : List.copyOf(actions);
        resources = resources == null ? List.of() : List.copyOf(resources);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
