package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.WireLists;

import java.util.Objects;

/**
 * Projects ({@code /iam/v1/projects}, specs/affinidi-iam.md section 4.1 P1-P4, plus deletion), reached
 * through {@link LatchkeyClient#projects()}. Accepts a user token or a personal access token's session.
 *
 * @since 0.1
 */
public final class ProjectsApi {
    static final AuthPolicy AUTH = AuthPolicy.of("projects", AuthMode.USER, AuthMode.PAT);
    private static final String PATH = "/iam/v1/projects";

    private final ApiExecutor executor;

    ProjectsApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Creates a project owned by the caller.
     *
     * @throws ValidationException when the name is missing or invalid
     */
    public Project create(CreateProjectRequest request) {
        Objects.requireNonNull(request, "request cannot be null");
        return executor.execute(ApiCall.post(PATH, request, Project.class, AUTH));
    }

    /** Creates a project with only a name. */
    public Project create(String name) {
        return create(CreateProjectRequest.of(name));
    }

    /** The projects the caller owns or belongs to, fetched 100 at a time as you iterate. */
    public PagedIterable<Project> list() {
        return list(100);
    }

    /** The projects the caller owns or belongs to, fetched {@code pageSize} (1 to 500) at a time. */
    public PagedIterable<Project> list(int pageSize) {
        Pagination.check(pageSize);
        return new PagedIterable<>(cursor -> {
            WireLists.Projects page = executor.execute(ApiCall.get(PATH, WireLists.Projects.class, AUTH)
                    .query("limit", pageSize).query("exclusiveStartKey", cursor));
            return new Page<>(page.projects(), page.lastEvaluatedKey());
        });
    }

    /**
     * One project.
     *
     * @throws NotFoundException when there is no such project the caller may see
     */
    public Project get(String projectId) {
        return executor.execute(ApiCall.get(PATH + "/" + ApiCall.segment(projectId), Project.class, AUTH));
    }

    /**
     * Changes a project's name, description or flag; members left null stay as they are.
     *
     * @throws ForbiddenException when the caller may not change it
     */
    public Project update(String projectId, UpdateProjectRequest request) {
        Objects.requireNonNull(request, "request cannot be null");
        return executor.execute(ApiCall.patch(PATH + "/" + ApiCall.segment(projectId), request, Project.class, AUTH));
    }

    /**
     * Deletes a project with its memberships and policies (a Latchkey extension). Cannot be undone.
     *
     * @throws ForbiddenException when the caller may not delete it
     */
    public void delete(String projectId) {
        executor.execute(ApiCall.delete(PATH + "/" + ApiCall.segment(projectId), AUTH));
    }
}
