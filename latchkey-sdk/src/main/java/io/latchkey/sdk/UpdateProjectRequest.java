package io.latchkey.sdk;

/**
 * What {@link ProjectsApi#update(String, UpdateProjectRequest)} sends ({@code UpdateProjectInput}): members
 * left null stay unchanged.
 *
 * @param name                        a new name, or null
 * @param description                 a new description, or null
 * @param identityVerificationEnabled a new value of the vendor's flag, or null
 * @since 0.1
 */
public record UpdateProjectRequest(String name, String description, Boolean identityVerificationEnabled) {

    /** An update that changes nothing yet. */
    public static UpdateProjectRequest empty() {
        return new UpdateProjectRequest(null, null, null);
    }

    public UpdateProjectRequest withName(String value) {
        return new UpdateProjectRequest(value, description, identityVerificationEnabled);
    }

    public UpdateProjectRequest withDescription(String value) {
        return new UpdateProjectRequest(name, value, identityVerificationEnabled);
    }

    public UpdateProjectRequest withIdentityVerificationEnabled(Boolean value) {
        return new UpdateProjectRequest(name, description, value);
    }

    /** Whether the update changes nothing. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return name == null && description == null && identityVerificationEnabled == null;
    }
}
