package io.latchkey.core.accesskey;

import java.util.List;
import java.util.Optional;

/**
 * Port: a project's tenants.
 *
 * @since 0.1
 */
public interface TenantRepository {

    /** Stores a tenant; false (and nothing stored) when its id or name is already taken in the project. */
    boolean insert(Tenant tenant);

    Optional<Tenant> findById(String projectId, String id);

    /** Ordered by name. */
    List<Tenant> findByProject(String projectId);

    /** Deletes the tenant and every access key's association with it (roles held there included). */
    boolean delete(String projectId, String id);
}
