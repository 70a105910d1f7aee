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
 * A project's permission names for access keys ({@code /iam/v1/projects/{projectId}/permissions}), reached
 * through {@code client.accessKeys(projectId).permissions()}. Accepts a user token or a personal access
 * token's session.
 *
 * @since 0.1
 */
public final class AccessKeyPermissionsApi {
    private static final AuthPolicy AUTH = AuthPolicy.of("access-key permissions", AuthMode.USER, AuthMode.PAT);

    private final ApiExecutor executor;
    private final String base;

    AccessKeyPermissionsApi(ApiExecutor executor, String projectBase) {
        this.executor = executor;
        this.base = projectBase + "/permissions";
    }

    /** @throws ValidationException with code {@code already_exists} when the project already has this permission */
    public AccessKeyPermission create(String name, String description) {
        Objects.requireNonNull(name, "name cannot be null");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        return executor.execute(ApiCall.post(base, body, AccessKeyPermission.class, AUTH));
    }

    public List<AccessKeyPermission> list() {
        AccessKeyWire.Permissions r = executor.execute(ApiCall.get(base, AccessKeyWire.Permissions.class, AUTH));
        return r.permissions() == null ? List.of() : r.permissions();
    }

    /** @throws NotFoundException when the project has no such permission */
    public void delete(String name) {
        executor.execute(ApiCall.delete(base + "/" + ApiCall.segment(name), AUTH));
    }
}
