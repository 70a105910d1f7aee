package io.latchkey.sdk;

import java.time.Instant;
import java.util.List;

/**
 * A role of a project's access keys: a name and the permissions a session holding it carries.
 *
 * @param name            the role's name, how keys refer to it
 * @param description     a description, or null
 * @param permissionNames the permissions it grants
 * @param createdAt       creation time
 * @since 0.1
 */
public record AccessKeyRole(String name, String description, List<String> permissionNames, Instant createdAt) {

    public AccessKeyRole {
        permissionNames = permissionNames == null ? List.of() : List.copyOf(permissionNames);
    }
}
