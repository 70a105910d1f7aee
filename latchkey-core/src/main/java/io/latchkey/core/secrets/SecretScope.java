package io.latchkey.core.secrets;

import io.latchkey.core.project.Environment;
import io.latchkey.core.project.Project;

/**
 * A resolved place: a project the caller may see, one of its environments, and a folder path (which exists,
 * unless the scope was resolved for creating it).
 *
 * @since 0.1
 */
public record SecretScope(Project project, Environment environment, SecretPath path) {

    public String environmentSlug() {
        return environment.slug();
    }

    public String secretAri(String name) {
        return SecretsAccess.secretAri(project.id(), environment.slug(), path, name);
    }

    public String folderAri() {
        return SecretsAccess.folderAri(project.id(), environment.slug(), path);
    }

    public SecretScope at(SecretPath other) {
        return new SecretScope(project, environment, other);
    }
}
