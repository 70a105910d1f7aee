package io.latchkey.http.accesskey;

import io.latchkey.core.accesskey.ManagementKey;
import io.latchkey.core.accesskey.Permission;
import io.latchkey.core.accesskey.Tenant;
import io.latchkey.core.project.ProjectRole;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Request and response records of the native (IAM-style) endpoints for the access-key features under
 * {@code /iam/v1/projects/{projectId}/...}. Times are ISO-8601; unknown request members are rejected, as
 * everywhere in the native API. Access keys themselves use the dialect's wire object
 * ({@link AccessKeyDtos.AccessKeyDto}), so one client model serves both.
 *
 * @since 0.1
 */
public final class NativeDtos {
    private NativeDtos() {
    }

    /** @param expiresIn lifetime in seconds; absent or 0 for a key that never expires */
    public record CreateManagementKeyRequest(String name, String description, Long expiresIn, List<String> permittedIps) {
    }

    public record ManagementKeyDto(String id, String projectId, String name, String description, String status,
                                   List<String> permittedIps, String createdBy, String createdAt, String expiresAt,
                                   String updatedAt) {
        static ManagementKeyDto of(ManagementKey k) {
            return new ManagementKeyDto(k.id(), k.projectId(), k.name(), k.description(), k.status().wire(),
                    k.permittedIps(), k.createdBy(), iso(k.createdAt()), iso(k.expiresAt()), iso(k.updatedAt()));
        }
    }

    /** The only answer that carries a management key's value. */
    public record CreatedManagementKey(ManagementKeyDto key, String cleartext) {
        @Override
        public String toString() {
            return "CreatedManagementKey[id=" + key.id() + "]";
        }
    }

    public record ManagementKeyList(List<ManagementKeyDto> keys) {
    }

    public record TenantDto(String id, String name, Map<String, Object> customAttributes, String createdAt) {
        static TenantDto of(Tenant t) {
            return new TenantDto(t.id(), t.name(), t.customAttributes(), iso(t.createdAt()));
        }
    }

    public record TenantList(List<TenantDto> tenants) {
    }

    public record CreateRoleRequest(String name, String description, List<String> permissionNames) {
    }

    public record RoleDto(String name, String description, List<String> permissionNames, String createdAt) {
        static RoleDto of(ProjectRole r) {
            return new RoleDto(r.slug(), r.description(), r.permissions(), iso(r.createdAt()));
        }
    }

    public record RoleList(List<RoleDto> roles) {
    }

    public record PermissionDto(String name, String description, String createdAt) {
        static PermissionDto of(Permission p) {
            return new PermissionDto(p.name(), p.description(), iso(p.createdAt()));
        }
    }

    public record PermissionList(List<PermissionDto> permissions) {
    }

    /** Access-key update: absent members stay unchanged. */
    public record UpdateAccessKeyRequest(String name, String description, List<String> roleNames,
                                         List<AccessKeyDtos.KeyTenantInput> keyTenants, Map<String, Object> customClaims,
                                         List<String> permittedIps, Map<String, Object> customAttributes) {
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
