package io.latchkey.sdk;

import java.util.Objects;

/**
 * Where secrets and folders live: a project, an environment (by slug) and a folder path ({@code /} is the
 * root, {@code /db/primary} a nested folder).
 *
 * @param projectId   the project id
 * @param environment the environment's slug, e.g. {@code prod}
 * @param path        the folder path, starting with {@code /}
 * @since 0.1
 */
public record SecretLocation(String projectId, String environment, String path) {

    public SecretLocation {
        Objects.requireNonNull(projectId, "projectId cannot be null");
        Objects.requireNonNull(environment, "environment cannot be null");
        Objects.requireNonNull(path, "path cannot be null");
        if (projectId.isBlank() || environment.isBlank()) {
            throw new IllegalArgumentException("projectId and environment cannot be blank");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, got " + path);
        }
    }

    /** The root folder of an environment. */
    public static SecretLocation of(String projectId, String environment) {
        return new SecretLocation(projectId, environment, "/");
    }

    /** The same project and environment, another folder. */
    public SecretLocation path(String folderPath) {
        return new SecretLocation(projectId, environment, folderPath);
    }
}
