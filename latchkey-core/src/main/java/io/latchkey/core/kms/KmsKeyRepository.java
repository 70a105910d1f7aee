package io.latchkey.core.kms;

import java.util.List;
import java.util.Optional;

/**
 * Port: KMS keys and their versions.
 *
 * @since 0.1
 */
public interface KmsKeyRepository {

    /** Inserts unless the name is taken in the project; false when it is (no exception, no aborted transaction). */
    boolean insert(KmsKey key);

    Optional<KmsKey> findById(String id);

    /** Like {@link #findById} and locks the row until the transaction ends (call inside one). */
    Optional<KmsKey> lockById(String id);

    Optional<KmsKey> findByName(String projectId, String name);

    /**
     * A page of a project's keys ordered by name (or creation time when {@code orderBy} is
     * {@code createdAt}); {@code search} matches names containing it (case-insensitive), null for all.
     */
    List<KmsKey> findByProject(String projectId, String search, boolean byCreation, boolean descending, int offset, int limit);

    int count(String projectId, String search);

    /** Writes name, description, disabled flag, version and update time; false when the key is gone. */
    boolean update(KmsKey key);

    boolean delete(String id);

    void insertVersion(KmsKeyVersion version);

    Optional<KmsKeyVersion> findVersion(String keyId, int version);

    /** Every version, newest first. */
    List<KmsKeyVersion> findVersions(String keyId);
}
