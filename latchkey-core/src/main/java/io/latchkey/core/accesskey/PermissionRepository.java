package io.latchkey.core.accesskey;

import java.util.List;
import java.util.Optional;

/**
 * Port: a project's permission names.
 *
 * @since 0.1
 */
public interface PermissionRepository {

    /** False (and nothing stored) when the name exists in the project. */
    boolean insert(Permission permission);

    Optional<Permission> find(String projectId, String name);

    /** Ordered by name. */
    List<Permission> findByProject(String projectId);

    boolean delete(String projectId, String name);
}
