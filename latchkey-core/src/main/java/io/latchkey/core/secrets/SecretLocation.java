package io.latchkey.core.secrets;

/**
 * Where a request points, as the client named it: a project by id or slug, an environment slug and a folder
 * path. {@link SecretScopes} resolves it into a {@link SecretScope}.
 *
 * @since 0.1
 */
public record SecretLocation(String projectId, String projectSlug, String environment, SecretPath path) {
    public SecretLocation {
        path = path == null ? SecretPath.ROOT : path;
    }

    /** The same project at another environment and path. */
    public SecretLocation at(String otherEnvironment, SecretPath otherPath) {
        return new SecretLocation(projectId, projectSlug, otherEnvironment, otherPath);
    }
}
