package io.latchkey.core.secrets;

import io.latchkey.core.project.Environment;

/**
 * A folder with what its responses show besides the row: its environment and its parent's id (null for
 * folders at the root, which has no row).
 *
 * @since 0.1
 */
public record FolderView(SecretFolder folder, Environment environment, String parentId) {
}
