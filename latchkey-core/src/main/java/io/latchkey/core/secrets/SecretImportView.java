package io.latchkey.core.secrets;

import io.latchkey.core.project.Environment;

/**
 * An import with the environments it connects and the id of the folder it is placed in (null at the root).
 *
 * @since 0.1
 */
public record SecretImportView(SecretImport secretImport, Environment environment, Environment source, String folderId) {
}
