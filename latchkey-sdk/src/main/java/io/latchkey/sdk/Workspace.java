package io.latchkey.sdk;

import java.time.Instant;
import java.util.List;

/**
 * A project as the secrets dialect shows it (a "workspace", specs/infisical.md section 6). The id is the
 * project's one id in every dialect ({@code P} followed by 27 letters and digits).
 *
 * @param id           the project id
 * @param name         its name
 * @param slug         its slug
 * @param description  its description, or null
 * @param type         {@code secret-manager} or {@code kms}
 * @param orgId        the organization it belongs to
 * @param environments its environments (id, name, slug)
 * @since 0.1
 */
public record Workspace(String id, String name, String slug, String description, String type, String orgId,
                        List<EnvironmentRef> environments, Instant createdAt, Instant updatedAt) {

    public Workspace {
        environments = environments == null ? List.of() : List.copyOf(environments);
    }

    /**
     * An environment as a project lists it.
     *
     * @since 0.1
     */
    public record EnvironmentRef(String id, String name, String slug) {
    }
}
