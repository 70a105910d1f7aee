package io.latchkey.sdk.internal;

import io.latchkey.sdk.AccessKey;
import io.latchkey.sdk.AccessKeyPermission;
import io.latchkey.sdk.AccessKeyRole;
import io.latchkey.sdk.ManagementKey;
import io.latchkey.sdk.Tenant;

import java.util.List;

/**
 * The envelopes of the native access-key endpoints under {@code /iam/v1/projects/{projectId}/...}, as they
 * arrive; resources unwrap them. None of these lists is paginated by the server.
 *
 * @since 0.1
 */
public final class AccessKeyWire {
    private AccessKeyWire() {
    }

    /** {@code GET .../access-keys}. */
    public record Keys(List<AccessKey> keys) {
    }

    /** {@code GET .../access-keys/{id}} and the status changes. */
    public record Key(AccessKey key) {
    }

    /** {@code GET .../management-keys}. */
    public record ManagementKeys(List<ManagementKey> keys) {
    }

    /** {@code GET .../roles}. */
    public record Roles(List<AccessKeyRole> roles) {
    }

    /** {@code GET .../permissions}. */
    public record Permissions(List<AccessKeyPermission> permissions) {
    }

    /** {@code GET .../tenants}. */
    public record Tenants(List<Tenant> tenants) {
    }
}
