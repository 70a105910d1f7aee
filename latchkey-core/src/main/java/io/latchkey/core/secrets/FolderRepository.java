package io.latchkey.core.secrets;

import java.util.List;
import java.util.Optional;

/**
 * Port: folders of environments, addressed by full path.
 *
 * @since 0.1
 */
public interface FolderRepository {

    Optional<SecretFolder> find(String environmentId, SecretPath path);

    /** By id in any project: callers check that the caller may see the folder's project. */
    Optional<SecretFolder> findById(String id);

    /** Inserts unless the path exists; false when it does (no exception, no aborted transaction). */
    boolean insert(SecretFolder folder);

    /** Direct children of {@code parent}, ordered by name. */
    List<SecretFolder> findChildren(String environmentId, SecretPath parent);

    /** Every folder strictly below {@code ancestor}, ordered by path. */
    List<SecretFolder> findBelow(String environmentId, SecretPath ancestor);

    /** Writes path, description, version and update time of the folder with this id. */
    boolean update(SecretFolder folder);

    /** Deletes the folder at {@code path} and every folder below it; returns how many. */
    int deleteUnder(String environmentId, SecretPath path);
}
