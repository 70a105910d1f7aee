package io.latchkey.sdk;

import java.time.Instant;

/**
 * A folder of secrets (specs/infisical.md section 5).
 *
 * @param id          the folder's id
 * @param name        its name
 * @param path        its full path, e.g. {@code /db/primary}
 * @param parentId    its parent folder's id, or null at the root
 * @param description its description, or null
 * @param projectId   its project
 * @param environment its environment (id, name, slug)
 * @since 0.1
 */
public record Folder(String id, String name, String path, String parentId, String description, String projectId,
                     FolderEnvironment environment, Instant createdAt, Instant updatedAt) {

    /** The environment's slug, or null. */
    public String environmentSlug() {
        return environment == null ? null : environment.envSlug();
    }

    /**
     * A folder's environment.
     *
     * @since 0.1
     */
    public record FolderEnvironment(String envId, String envName, String envSlug) {
    }
}
