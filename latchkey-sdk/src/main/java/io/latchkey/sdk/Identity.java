package io.latchkey.sdk;

import java.time.Instant;
import java.util.List;

/**
 * A machine identity of an organization (the secrets dialect's identity, specs/infisical.md section 3).
 * It logs in with the auth methods attached to it ({@code universal-auth}, {@code token-auth},
 * {@code jwt-auth}, {@code oidc-auth}) and joins projects with roles.
 *
 * @param id          the identity id (a UUID)
 * @param name        its name
 * @param orgId       the organization it belongs to
 * @param role        its organization role ({@code admin}, {@code member}, {@code no-access} or a custom
 *                    role's slug); null when the answer did not say (create, update)
 * @param authMethods the auth methods attached to it
 * @param metadata    its key-value metadata
 * @since 0.1
 */
public record Identity(String id, String name, String orgId, String role, List<String> authMethods,
                       List<MetadataEntry> metadata, Instant createdAt, Instant updatedAt) {

    public Identity {
        authMethods = authMethods == null ? List.of() : List.copyOf(authMethods);
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
    }

    /**
     * One metadata pair.
     *
     * @since 0.1
     */
    public record MetadataEntry(String key, String value) {
    }
}
