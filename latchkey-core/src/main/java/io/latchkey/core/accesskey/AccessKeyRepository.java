package io.latchkey.core.accesskey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: access keys with their tenant and role associations. Every lookup by id is scoped to a project, so a
 * key of another project is simply not found.
 *
 * <p>Keys are stored with the keyed hash of their secret ({@code secretHash}, unique), which is how
 * {@link #findBySecretHash} finds the key presented at exchange time with one indexed lookup.
 *
 * @since 0.1
 */
public interface AccessKeyRepository {

    /** Stores a new key with its associations. */
    void insert(AccessKey key, String secretHash);

    Optional<AccessKey> findById(String projectId, String id);

    Optional<AccessKey> findBySecretHash(String secretHash);

    /**
     * A key by id in whatever project it lives in. Only for internal lookups that are not scoped to a
     * project (the principal directory); never for ids a caller names in a project's context.
     */
    Optional<AccessKey> findUnscoped(String id);

    /**
     * Keys of a project matching the SQL-side filters (tenants, bound user, creator), oldest first. Custom
     * attribute filters are left to the caller.
     */
    List<AccessKey> search(String projectId, AccessKeySearch filter);

    /** Replaces every mutable field and the associations; false when the key does not exist. */
    boolean update(AccessKey key);

    boolean updateStatus(String projectId, String id, CredentialStatus status, Instant now);

    /** Replaces the secret; the previous one stops matching at once. */
    boolean updateSecret(String projectId, String id, String secretHash, Instant now);

    boolean delete(String projectId, String id);

    /** Takes a project-level or tenant role away from every key of the project; returns how many grants went. */
    int removeRole(String projectId, String roleName);
}
