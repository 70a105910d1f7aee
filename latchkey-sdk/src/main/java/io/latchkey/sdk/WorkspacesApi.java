package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.Calls;
import io.latchkey.sdk.internal.SecretsWire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Projects and their environments as the secrets dialect serves them ({@code /api/v2/workspace},
 * {@code /api/v1/workspace}, specs/infisical.md section 6), reached through {@link LatchkeyClient#workspaces()}.
 * They are the same projects as the IAM dialect's. User or identity token; an identity that creates a
 * project becomes its admin.
 *
 * @since 0.1
 */
public final class WorkspacesApi {
    private static final AuthPolicy AUTH = AuthPolicy.of("workspaces", AuthMode.USER, AuthMode.IDENTITY);
    private static final String PATH = "/api/v1/workspace/";

    private final ApiExecutor executor;

    WorkspacesApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Creates a project with the environments dev, staging and prod.
     *
     * @param type {@code secret-manager} (secrets; null means this) or {@code kms} (KMS keys)
     */
    public Workspace create(String name, String type) {
        Objects.requireNonNull(name, "name cannot be null");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectName", name);
        if (type != null) {
            body.put("type", type);
        }
        return executor.execute(ApiCall.post("/api/v2/workspace", body, SecretsWire.WorkspaceEnvelope.class, AUTH)).value();
    }

    /** The projects the caller can see. */
    public List<Workspace> list() {
        return executor.execute(ApiCall.get("/api/v1/workspace", SecretsWire.WorkspaceList.class, AUTH)).value();
    }

    public Workspace get(String projectId) {
        return executor.execute(ApiCall.get(PATH + ApiCall.segment(projectId), SecretsWire.WorkspaceEnvelope.class, AUTH))
                .value();
    }

    /** Deletes a project with its secrets and keys; answers with the project as it was. */
    public Workspace delete(String projectId) {
        return executor.execute(Calls.delete(PATH + ApiCall.segment(projectId), null, SecretsWire.WorkspaceEnvelope.class,
                AUTH)).value();
    }

    /** The environments of a project. */
    public List<Environment> environments(String projectId) {
        List<Environment> l = executor.execute(ApiCall.get(PATH + ApiCall.segment(projectId) + "/environments",
                SecretsWire.EnvironmentList.class, AUTH)).environments();
        return l == null ? List.of() : l;
    }

    /** Adds an environment ({@code slug}: lowercase letters, digits and dashes). */
    public Environment createEnvironment(String projectId, String name, String slug) {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(slug, "slug cannot be null");
        return executor.execute(ApiCall.post(PATH + ApiCall.segment(projectId) + "/environments",
                Map.of("name", name, "slug", slug), SecretsWire.EnvironmentChange.class, AUTH)).environment();
    }

    /** Deletes an environment (by id) with its secrets. */
    public Environment deleteEnvironment(String projectId, String environmentId) {
        return executor.execute(Calls.delete(PATH + ApiCall.segment(projectId) + "/environments/"
                + ApiCall.segment(environmentId), null, SecretsWire.EnvironmentChange.class, AUTH)).environment();
    }

    /**
     * Makes an identity a member of a project with a role ({@code admin}, {@code member}, {@code viewer},
     * {@code no-access} or a custom role's slug).
     */
    public void addIdentity(String projectId, String identityId, String role) {
        Objects.requireNonNull(role, "role cannot be null");
        executor.execute(ApiCall.post("/api/v2/workspace/" + ApiCall.segment(projectId) + "/identity-memberships/"
                + ApiCall.segment(identityId), Map.of("role", role), Void.class, AUTH));
    }

    /** Removes an identity from a project. */
    public void removeIdentity(String projectId, String identityId) {
        executor.execute(Calls.delete("/api/v2/workspace/" + ApiCall.segment(projectId) + "/identity-memberships/"
                + ApiCall.segment(identityId), null, Void.class, AUTH));
    }
}
