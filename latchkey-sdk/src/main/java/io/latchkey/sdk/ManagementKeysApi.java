package io.latchkey.sdk;

import io.latchkey.sdk.internal.AccessKeyWire;
import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project's management keys ({@code /iam/v1/projects/{projectId}/management-keys}), reached through
 * {@code client.accessKeys(projectId).managementKeys()}. A management key is what the access-key dialect's
 * management API and the vendors' SDKs authenticate with; this native API (user token or personal access
 * token session) is the only way to obtain a project's first one.
 *
 * @since 0.1
 */
public final class ManagementKeysApi {
    private static final AuthPolicy AUTH = AuthPolicy.of("management keys", AuthMode.USER, AuthMode.PAT);

    private final ApiExecutor executor;
    private final String base;

    ManagementKeysApi(ApiExecutor executor, String base) {
        this.executor = executor;
        this.base = base;
    }

    /** Creates a management key; the answer carries its value this once. */
    public CreatedManagementKey create(NewManagementKey request) {
        Objects.requireNonNull(request, "request cannot be null");
        return executor.execute(ApiCall.post(base, request, CreatedManagementKey.class, AUTH));
    }

    /** Every management key of the project (never their values). */
    public List<ManagementKey> list() {
        AccessKeyWire.ManagementKeys r = executor.execute(ApiCall.get(base, AccessKeyWire.ManagementKeys.class, AUTH));
        return r.keys() == null ? List.of() : r.keys();
    }

    /** @throws NotFoundException when the project has no such key */
    public ManagementKey get(String keyId) {
        return executor.execute(ApiCall.get(key(keyId), ManagementKey.class, AUTH));
    }

    public ManagementKey activate(String keyId) {
        return executor.execute(ApiCall.post(key(keyId) + "/activate", Map.of(), ManagementKey.class, AUTH));
    }

    /** Refuses every management call made with the key from now on. */
    public ManagementKey deactivate(String keyId) {
        return executor.execute(ApiCall.post(key(keyId) + "/deactivate", Map.of(), ManagementKey.class, AUTH));
    }

    public void delete(String keyId) {
        executor.execute(ApiCall.delete(key(keyId), AUTH));
    }

    private String key(String keyId) {
        return base + "/" + ApiCall.segment(keyId);
    }
}
