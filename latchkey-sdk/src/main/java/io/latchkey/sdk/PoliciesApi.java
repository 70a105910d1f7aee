package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;

import java.util.Objects;

/**
 * Principals' policies in one project ({@code /iam/v1/policies/principals}, specs/affinidi-iam.md section
 * 4.2), reached through {@link LatchkeyClient#policies()}. Accepts a project-scoped token only and acts on
 * its project.
 *
 * @since 0.1
 */
public final class PoliciesApi {
    static final AuthPolicy AUTH = AuthPolicy.of("policies", AuthMode.PROJECT);
    private static final String PATH = "/iam/v1/policies/principals/";

    private final ApiExecutor executor;

    PoliciesApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * A principal's policy in the project.
     *
     * @throws NotFoundException when the principal is not a member of the project
     */
    public Policy get(PrincipalType type, String principalId) {
        Objects.requireNonNull(type, "type cannot be null");
        return executor.execute(ApiCall.get(PATH + ApiCall.segment(principalId), Policy.class, AUTH)
                .query("principalType", type.wire()));
    }

    /**
     * Replaces a principal's policy in the project and returns the stored document.
     *
     * @throws ValidationException when the document is invalid (the field is named)
     */
    public Policy set(PrincipalType type, String principalId, Policy policy) {
        Objects.requireNonNull(type, "type cannot be null");
        Objects.requireNonNull(policy, "policy cannot be null");
        return executor.execute(ApiCall.put(PATH + ApiCall.segment(principalId), policy, Policy.class, AUTH)
                .query("principalType", type.wire()));
    }
}
