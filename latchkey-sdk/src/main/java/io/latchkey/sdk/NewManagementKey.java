package io.latchkey.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Body of creating a management key ({@code POST /iam/v1/projects/{projectId}/management-keys}). Start with
 * {@link #named(String)}.
 *
 * @param name         the key's name (required)
 * @param description  a description
 * @param expiresIn    lifetime in seconds; null or 0 for a key that never expires
 * @param permittedIps addresses or CIDR ranges it may be used from; any when empty
 * @since 0.1
 */
public record NewManagementKey(String name, String description, Long expiresIn, List<String> permittedIps) {

    public static NewManagementKey named(String name) {
        return new NewManagementKey(Objects.requireNonNull(name, "name cannot be null"), null, null, null);
    }

    public NewManagementKey withDescription(String description) {
        return new NewManagementKey(name, description, expiresIn, permittedIps);
    }

    /** Expires this long after creation (whole seconds); null for never. */
    public NewManagementKey expiringIn(Duration lifetime) {
        return new NewManagementKey(name, description, lifetime == null ? null : lifetime.toSeconds(), permittedIps);
    }

    public NewManagementKey withPermittedIps(List<String> ips) {
        return new NewManagementKey(name, description, expiresIn, List.copyOf(ips));
    }
}
