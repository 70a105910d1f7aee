package io.latchkey.sdk;

import java.time.Instant;
import java.util.List;

/**
 * What bootstrap created: the owner, the organization and the instance-admin machine identity with its
 * token. The token is shown this once and never again: store it in a secret manager.
 *
 * @since 0.1
 */
public record BootstrapResponse(String message, Owner user, Organization organization, AdminIdentity identity) {

    /** The instance-admin token (a non-expiring machine identity token); secret. */
    public String adminToken() {
        return identity == null || identity.credentials() == null ? null : identity.credentials().token();
    }

    /** The owner user (a super admin of the instance). */
    public record Owner(String id, String email, String username, String firstName, String lastName, boolean superAdmin,
                        Instant createdAt, Instant updatedAt) {
    }

    /** The instance-admin machine identity. */
    public record AdminIdentity(String id, String name, String orgId, List<String> authMethods, Instant createdAt,
                                Instant updatedAt, AdminCredentials credentials) {
    }

    /** The identity's token; secret. */
    public record AdminCredentials(String token) {
        @Override
        public String toString() {
            return "AdminCredentials[token=***]";
        }
    }
}
