package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.WireLists;

import java.util.Map;
import java.util.Objects;

/**
 * The members of one project ({@code /iam/v1/projects/principals}, specs/affinidi-iam.md section 4.1
 * P5-P7), reached through {@link LatchkeyClient#principals()}. Accepts a project-scoped token only and acts
 * on its project (see {@link StsApi#createProjectScopedToken(String)} and
 * {@link Credentials#personalAccessToken}).
 *
 * @since 0.1
 */
public final class PrincipalsApi {
    static final AuthPolicy AUTH = AuthPolicy.of("principals", AuthMode.PROJECT);
    private static final String PATH = "/iam/v1/projects/principals";

    private final ApiExecutor executor;

    PrincipalsApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Adds a user or a personal access token to the project. A principal without a policy may do nothing
     * yet: set one with {@link PoliciesApi#set}.
     *
     * @throws NotFoundException  when there is no such user or token
     * @throws ForbiddenException when the caller may not manage the project's principals
     */
    public void add(PrincipalType type, String principalId) {
        Objects.requireNonNull(type, "type cannot be null");
        Objects.requireNonNull(principalId, "principalId cannot be null");
        executor.execute(ApiCall.post(PATH, Map.of("principalId", principalId, "principalType", type.wire()), Void.class, AUTH));
    }

    /** The project's principals, fetched 100 at a time as you iterate. */
    public PagedIterable<Principal> list() {
        return list(100);
    }

    /** The project's principals, fetched {@code pageSize} (1 to 500) at a time. */
    public PagedIterable<Principal> list(int pageSize) {
        Pagination.check(pageSize);
        return new PagedIterable<>(cursor -> {
            WireLists.Principals page = executor.execute(ApiCall.get(PATH, WireLists.Principals.class, AUTH)
                    .query("limit", pageSize).query("exclusiveStartKey", cursor));
            return new Page<>(page.records(), page.lastEvaluatedKey());
        });
    }

    /**
     * Removes a principal (and its policy) from the project.
     *
     * @throws ConflictException when the caller tries to remove itself
     * @throws NotFoundException when the principal is not a member
     */
    public void remove(PrincipalType type, String principalId) {
        Objects.requireNonNull(type, "type cannot be null");
        executor.execute(ApiCall.delete(PATH + "/" + ApiCall.segment(principalId), AUTH).query("principalType", type.wire()));
    }
}
