package io.latchkey.sdk;

import io.latchkey.sdk.internal.AccessKeyWire;
import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project's roles for access keys ({@code /iam/v1/projects/{projectId}/roles}), reached through
 * {@code client.accessKeys(projectId).roles()}: named sets of permissions; a session carries the permissions
 * of its key's roles. Accepts a user token or a personal access token's session.
 *
 * @since 0.1
 */
public final class AccessKeyRolesApi {
    private static final AuthPolicy AUTH = AuthPolicy.of("access-key roles", AuthMode.USER, AuthMode.PAT);

    private final ApiExecutor executor;
    private final String base;

    AccessKeyRolesApi(ApiExecutor executor, String projectBase) {
        this.executor = executor;
        this.base = projectBase + "/roles";
    }

    /**
     * Creates a role.
     *
     * @param description     optional
     * @param permissionNames the permissions it grants (existing or new names)
     * @throws ValidationException with code {@code already_exists} when the project already has a role of that name
     */
    public AccessKeyRole create(String name, String description, List<String> permissionNames) {
        Objects.requireNonNull(name, "name cannot be null");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("permissionNames", permissionNames == null ? List.of() : List.copyOf(permissionNames));
        body.values().removeIf(Objects::isNull);
        return executor.execute(ApiCall.post(base, body, AccessKeyRole.class, AUTH));
    }

    public List<AccessKeyRole> list() {
        AccessKeyWire.Roles r = executor.execute(ApiCall.get(base, AccessKeyWire.Roles.class, AUTH));
        return r.roles() == null ? List.of() : r.roles();
    }

    /** @throws NotFoundException when the project has no such role */
    public void delete(String name) {
        executor.execute(ApiCall.delete(base + "/" + ApiCall.segment(name), AUTH));
    }
}
