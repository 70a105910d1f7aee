package io.latchkey.store.jdbc;

import io.latchkey.core.secrets.SecretPath;

/**
 * LIKE patterns that match a folder path and everything below it. Folder names may contain {@code _}, a LIKE
 * wildcard, so the pattern escapes it (with {@code !}, declared by {@code ESCAPE '!'} in the statements).
 *
 * @since 0.1
 */
final class PathPrefix {
    private PathPrefix() {
    }

    /** Matches every path strictly below {@code path} (for the root: every path, the root included). */
    static String below(SecretPath path) {
        String base = path.isRoot() ? "/" : path.value() + "/";
        return base.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%";
    }
}
