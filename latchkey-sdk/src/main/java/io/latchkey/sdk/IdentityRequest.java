package io.latchkey.sdk;

import java.util.List;

/**
 * What to create an identity with, or what to change on one ({@link IdentitiesApi#create},
 * {@link IdentitiesApi#update}). Start with {@link #named(String)} or {@link #changes()} and add members;
 * absent members are not sent (on update: left unchanged).
 *
 * @param name     the identity's name (required on create)
 * @param role     organization role: {@code no-access} (the server's default: only the projects it joins),
 *                 {@code member} (may create projects), {@code admin}, or a custom role's slug
 * @param metadata key-value pairs (replace the stored ones on update)
 * @since 0.1
 */
public record IdentityRequest(String name, String role, List<Identity.MetadataEntry> metadata) {

    public static IdentityRequest named(String name) {
        return new IdentityRequest(name, null, null);
    }

    /** An update that changes nothing yet. */
    public static IdentityRequest changes() {
        return new IdentityRequest(null, null, null);
    }

    public IdentityRequest withName(String name) {
        return new IdentityRequest(name, role, metadata);
    }

    public IdentityRequest withRole(String role) {
        return new IdentityRequest(name, role, metadata);
    }

    public IdentityRequest withMetadata(List<Identity.MetadataEntry> metadata) {
        return new IdentityRequest(name, role, metadata == null ? null : List.copyOf(metadata));
    }
}
