package io.latchkey.core.authz;

import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in project roles as policy documents, so that roles and principal policies go through one
 * evaluator. A role's statements apply to the member holding it (principal {@code *}); evaluation is
 * always within one project, so {@code *} resources never reach another project.
 *
 * @since 0.1
 */
public final class BuiltInRoles {
    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";
    public static final String VIEWER = "viewer";
    public static final String NO_ACCESS = "no-access";
    /** The vendor CLI's policy version; the only one accepted. */
    public static final String POLICY_VERSION = "2022-12-15";

    private static final Map<String, PolicyDocument> ROLES = Map.of(
            ADMIN, role(ADMIN, List.of("*")),
            MEMBER, role(MEMBER, List.of("secrets:*", "kms:*", "iam:Get*", "iam:List*", "accesskey:Get*",
                    "accesskey:List*", "accesskey:Search*")),
            VIEWER, role(VIEWER, List.of("secrets:Read", "secrets:List*", "secrets:Get*", "kms:Get*", "kms:List*",
                    "iam:Get*", "iam:List*", "accesskey:Get*", "accesskey:List*", "accesskey:Search*")),
            NO_ACCESS, new PolicyDocument("role:" + NO_ACCESS, POLICY_VERSION, NO_ACCESS, null, List.of()));

    public static final Set<String> SLUGS = ROLES.keySet();

    private BuiltInRoles() {
    }

    public static Optional<PolicyDocument> find(String slug) {
        return Optional.ofNullable(ROLES.get(slug));
    }

    /** Full access, for implicit grants (owner, organization admin, instance admin). */
    public static PolicyDocument allowAll(String id) {
        return new PolicyDocument(id, POLICY_VERSION, id, null, List.of(
                new PolicyStatement(null, Effect.ALLOW, List.of("*"), List.of("*"), List.of("*"), List.of())));
    }

    private static PolicyDocument role(String slug, List<String> actions) {
        return new PolicyDocument("role:" + slug, POLICY_VERSION, slug, null, List.of(
                new PolicyStatement(slug, Effect.ALLOW, List.of("*"), actions, List.of("*"), List.of())));
    }
}
