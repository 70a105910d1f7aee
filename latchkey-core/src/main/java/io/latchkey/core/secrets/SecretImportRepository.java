package io.latchkey.core.secrets;

import java.util.List;
import java.util.Optional;

/**
 * Port: secret imports.
 *
 * @since 0.1
 */
public interface SecretImportRepository {

    /** Inserts unless the same source is already imported at that place; false when it is. */
    boolean insert(SecretImport secretImport);

    /** By id in any project: callers check that the caller may see the import's project. */
    Optional<SecretImport> findById(String id);

    /** Imports of one place, in position order. */
    List<SecretImport> findAt(String environmentId, SecretPath path);

    boolean update(SecretImport secretImport);

    boolean delete(String projectId, String id);

    /** Deletes the imports placed in the folder or below it. */
    int deleteUnder(String environmentId, SecretPath path);

    /** After a folder rename: imports placed at, and imports reading from, {@code from} now use {@code to}. */
    void repoint(String environmentId, SecretPath from, SecretPath to);
}
