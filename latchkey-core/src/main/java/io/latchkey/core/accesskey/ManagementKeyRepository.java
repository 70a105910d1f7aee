package io.latchkey.core.accesskey;

import java.util.List;
import java.util.Optional;

/**
 * Port: management keys, each stored with the keyed hash of its value (unique), so that authenticating a
 * management call is one hash and one indexed lookup.
 *
 * @since 0.1
 */
public interface ManagementKeyRepository {

    void insert(ManagementKey key, String secretHash);

    Optional<ManagementKey> findBySecretHash(String secretHash);

    Optional<ManagementKey> findById(String projectId, String id);

    /** The project's keys, oldest first. */
    List<ManagementKey> findByProject(String projectId);

    /** Replaces name, description, status, permitted addresses and the update time. */
    boolean update(ManagementKey key);

    boolean delete(String projectId, String id);
}
