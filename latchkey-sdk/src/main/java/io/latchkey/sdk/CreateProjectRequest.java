package io.latchkey.sdk;

import java.util.Objects;

/**
 * What {@link ProjectsApi#create(CreateProjectRequest)} sends ({@code CreateProjectInput}).
 *
 * @param name        the project's name (required)
 * @param description a description, or null
 * @since 0.1
 */
public record CreateProjectRequest(String name, String description) {

    public CreateProjectRequest {
        Objects.requireNonNull(name, "name cannot be null");
    }

    public static CreateProjectRequest of(String name) {
        return new CreateProjectRequest(name, null);
    }

    public CreateProjectRequest withDescription(String value) {
        return new CreateProjectRequest(name, value);
    }
}
