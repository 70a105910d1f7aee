package io.latchkey.core.secrets;

import java.util.List;
import java.util.Optional;

/**
 * Port: secrets and their versions. Shared secrets have a null owner; a personal secret is unique per
 * (environment, path, name, owner).
 *
 * <p>The read by name is the hot path of the secrets dialect: implementations answer it with one indexed
 * query.
 *
 * @since 0.1
 */
public interface SecretRepository {

    Optional<Secret> find(String environmentId, SecretPath path, String name, SecretType type, String ownerId);

    /** By id in any project: callers check that the caller may see the secret's project. */
    Optional<Secret> findById(String id);

    /** Like {@link #findById} and locks the row until the transaction ends (call inside one). */
    Optional<Secret> lockById(String id);

    /** Like {@link #find} and locks the row until the transaction ends (call inside one). */
    Optional<Secret> lock(String environmentId, SecretPath path, String name, SecretType type, String ownerId);

    /** Shared secrets of one folder, plus the personal ones of {@code ownerId} when not null; ordered by name. */
    List<Secret> findInFolder(String environmentId, SecretPath path, String ownerId);

    /** Like {@link #findInFolder} for the folder and every folder below it; ordered by path and name. */
    List<Secret> findUnder(String environmentId, SecretPath path, String ownerId);

    /** Inserts unless the name is taken at that place; false when it is (no exception, no aborted transaction). */
    boolean insert(Secret secret);

    /** Replaces the secret's row when its stored version is {@code expectedVersion}; false otherwise. */
    boolean update(Secret secret, int expectedVersion);

    boolean delete(String projectId, String id);

    /** Deletes every secret in the folder and below it; returns how many. */
    int deleteUnder(String environmentId, SecretPath path);

    /** Re-points the secrets of exactly one folder path to another (a folder rename). */
    int repoint(String environmentId, SecretPath from, SecretPath to);

    /** Appends a version snapshot (the secret as given, at its version). */
    void insertVersion(Secret snapshot);

    /** Versions newest first. */
    List<Secret> findVersions(String secretId, int offset, int limit);

    Optional<Secret> findVersion(String secretId, int version);
}
