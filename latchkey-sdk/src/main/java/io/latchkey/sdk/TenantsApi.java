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
 * A project's tenants ({@code /iam/v1/projects/{projectId}/tenants}), reached through
 * {@code client.accessKeys(projectId).tenants()}: sub-scopes in which access keys hold roles of their own.
 * Accepts a user token or a personal access token's session.
 *
 * @since 0.1
 */
public final class TenantsApi {
    private static final AuthPolicy AUTH = AuthPolicy.of("tenants", AuthMode.USER, AuthMode.PAT);

    private final ApiExecutor executor;
    private final String base;

    TenantsApi(ApiExecutor executor, String base) {
        this.executor = executor;
        this.base = base;
    }

    /**
     * Creates a tenant.
     *
     * @param id               the tenant id, or null to let the server choose one
     * @param customAttributes optional
     * @throws ValidationException with code {@code already_exists} when the project already has a tenant with that id
     */
    public Tenant create(String id, String name, Map<String, Object> customAttributes) {
        Objects.requireNonNull(name, "name cannot be null");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("customAttributes", customAttributes);
        body.values().removeIf(Objects::isNull);
        return executor.execute(ApiCall.post(base, body, Tenant.class, AUTH));
    }

    public List<Tenant> list() {
        AccessKeyWire.Tenants r = executor.execute(ApiCall.get(base, AccessKeyWire.Tenants.class, AUTH));
        return r.tenants() == null ? List.of() : r.tenants();
    }

    /** @throws NotFoundException when the project has no such tenant */
    public Tenant get(String tenantId) {
        return executor.execute(ApiCall.get(base + "/" + ApiCall.segment(tenantId), Tenant.class, AUTH));
    }

    /** @throws NotFoundException when the project has no such tenant */
    public void delete(String tenantId) {
        executor.execute(ApiCall.delete(base + "/" + ApiCall.segment(tenantId), AUTH));
    }
}
