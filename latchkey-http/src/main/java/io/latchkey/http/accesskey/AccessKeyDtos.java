package io.latchkey.http.accesskey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.core.accesskey.AccessKey;
import io.latchkey.core.accesskey.AccessKeyExchangeService;
import io.latchkey.core.accesskey.AccessKeySearch;
import io.latchkey.core.accesskey.AccessKeyService;
import io.latchkey.core.accesskey.KeyTenant;
import io.latchkey.core.accesskey.ManagementKey;
import io.latchkey.core.accesskey.Permission;
import io.latchkey.core.accesskey.Tenant;
import io.latchkey.core.project.ProjectRole;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Request and response records of the access-key dialect, named as in specs/descope-access-keys.md section 4.
 * Times are epoch seconds ({@code 0} = never for expiry); a {@code null} member in a request means "absent",
 * as the Java SDK sends nulls for unset fields.
 *
 * @since 0.1
 */
public final class AccessKeyDtos {
    private AccessKeyDtos() {
    }

    /** An empty JSON object: every 2xx answer is an object, even when there is nothing to say. */
    public static final Map<String, Object> EMPTY = Map.of();

    public record KeyTenantInput(String tenantId, List<String> roleNames) {
        static List<KeyTenant> toTenants(List<KeyTenantInput> in) {
            return in == null ? null : in.stream()
                    .map(t -> t == null ? null : new KeyTenant(t.tenantId(), null, t.roleNames())).toList();
        }
    }

    /** M1 (also the native create). */
    public record CreateAccessKeyInput(String name, Long expireTime, List<String> roleNames,
                                       List<KeyTenantInput> keyTenants, String userId, Map<String, Object> customClaims,
                                       String description, List<String> permittedIps,
                                       Map<String, Object> customAttributes) {
        AccessKeyService.NewAccessKey toCommand() {
            return new AccessKeyService.NewAccessKey(name, description, expireTime, roleNames,
                    KeyTenantInput.toTenants(keyTenants), userId, customClaims, permittedIps, customAttributes);
        }
    }

    /** M4. */
    public record UpdateAccessKeyInput(String id, String name, String description, List<String> roleNames,
                                       List<KeyTenantInput> keyTenants, Map<String, Object> customClaims,
                                       List<String> permittedIps, Map<String, Object> customAttributes) {
        AccessKeyService.AccessKeyChanges toChanges() {
            return new AccessKeyService.AccessKeyChanges(name, description, roleNames,
                    KeyTenantInput.toTenants(keyTenants), customClaims, permittedIps, customAttributes);
        }
    }

    /** M3. */
    public record SearchInput(List<String> tenantIds, String boundUserId, String creatingUser,
                              Map<String, Object> customAttributes) {
        AccessKeySearch toSearch() {
            return new AccessKeySearch(tenantIds, blankToNull(boundUserId), blankToNull(creatingUser), customAttributes);
        }
    }

    public record IdInput(String id) {
    }

    public record IdsInput(List<String> ids) {
    }

    public record LoginOptionsInput(Map<String, Object> customClaims, String selectedTenant) {
    }

    /** X1: {@code {}}, {@code {"loginOptions": null}} and a missing body all mean "no options". */
    public record ExchangeInput(LoginOptionsInput loginOptions) {
        static final ExchangeInput NONE = new ExchangeInput(null);

        AccessKeyExchangeService.LoginOptions toOptions() {
            return loginOptions == null ? AccessKeyExchangeService.LoginOptions.NONE
                    : new AccessKeyExchangeService.LoginOptions(loginOptions.customClaims(), loginOptions.selectedTenant());
        }
    }

    public record KeyTenantDto(String tenantId, String tenantName, List<String> roleNames) {
    }

    /** The wire access key (section 4.1); {@code boundUserId} and {@code userId} both carry the bound user. */
    public record AccessKeyDto(String id, String name, String description, List<String> roleNames,
                               List<KeyTenantDto> keyTenants, String status, long createdTime, long expireTime,
                               String createdBy, String clientId, String boundUserId, String userId,
                               Map<String, Object> customClaims, List<String> permittedIps,
                               Map<String, Object> customAttributes) {
        static AccessKeyDto of(AccessKey k) {
            return new AccessKeyDto(k.id(), k.name(), k.description(), k.roleNames(),
                    k.keyTenants().stream().map(t -> new KeyTenantDto(t.tenantId(), t.tenantName(), t.roleNames())).toList(),
                    k.status().wire(), k.createdAt().getEpochSecond(), epochSeconds(k.expiresAt()), k.createdBy(),
                    k.id(), k.boundUserId(), k.boundUserId(), k.customClaims(), k.permittedIps(), k.customAttributes());
        }
    }

    public record KeyResponse(AccessKeyDto key) {
    }

    /** M1 and M11: the only answers that ever carry a cleartext. */
    public record CreatedKeyResponse(AccessKeyDto key, String cleartext) {
        @Override
        public String toString() {
            return "CreatedKeyResponse[id=" + key.id() + "]";
        }
    }

    public record KeysResponse(List<AccessKeyDto> keys) {
    }

    /** X1; {@code expiration} equals the session's {@code exp}. No {@code refreshJwt}: the Java SDK would validate it. */
    public record ExchangeResponse(String keyId, String sessionJwt, long expiration) {
        @Override
        public String toString() {
            return "ExchangeResponse[keyId=" + keyId + "]";
        }
    }

    public record LicenseResponse(String rateLimitTier) {
    }

    /** Tenant create; the vendor's other members (domains, SSO settings...) are accepted and ignored. */
    public record CreateTenantInput(String id, String name, Map<String, Object> customAttributes) {
    }

    public record TenantDto(String id, String name, List<String> selfProvisioningDomains, long createdTime,
                            Map<String, Object> customAttributes) {
        static TenantDto of(Tenant t) {
            return new TenantDto(t.id(), t.name(), List.of(), t.createdAt().getEpochSecond(), t.customAttributes());
        }
    }

    public record TenantsResponse(List<TenantDto> tenants) {
    }

    public record IdResponse(String id) {
    }

    /** Role create; {@code default} is accepted and ignored. */
    public record CreateRoleInput(String name, String description, List<String> permissionNames, String tenantId,
                                  @JsonProperty("default") Boolean defaultRole) {
    }

    public record DeleteRoleInput(String name, String tenantId) {
    }

    public record RoleDto(String name, String description, List<String> permissionNames, long createdTime) {
        static RoleDto of(ProjectRole r) {
            return new RoleDto(r.slug(), r.description(), r.permissions(), r.createdAt().getEpochSecond());
        }
    }

    public record RolesResponse(List<RoleDto> roles) {
    }

    public record CreatePermissionInput(String name, String description) {
    }

    public record NameInput(String name) {
    }

    public record PermissionDto(String name, String description, boolean systemDefault) {
        static PermissionDto of(Permission p) {
            return new PermissionDto(p.name(), p.description(), false);
        }
    }

    public record PermissionsResponse(List<PermissionDto> permissions) {
    }

    /** Section 4.5 {@code PUT /v1/mgmt/managementkey}. */
    public record CreateManagementKeyInput(String name, JsonNode reBac, String description, Long expiresIn,
                                           List<String> permittedIps) {
    }

    /** Section 4.5 {@code PATCH /v1/mgmt/managementkey}. */
    public record UpdateManagementKeyInput(String id, String name, String description, String status,
                                           List<String> permittedIps) {
    }

    public record ManagementKeyDto(String id, String name, String description, String status, long createdTime,
                                   long expireTime, List<String> permittedIps) {
        static ManagementKeyDto of(ManagementKey k) {
            return new ManagementKeyDto(k.id(), k.name(), k.description(), k.status().wire(),
                    k.createdAt().getEpochSecond(), epochSeconds(k.expiresAt()), k.permittedIps());
        }
    }

    public record ManagementKeyResponse(ManagementKeyDto key) {
    }

    public record CreatedManagementKeyResponse(ManagementKeyDto key, String cleartext) {
        @Override
        public String toString() {
            return "CreatedManagementKeyResponse[id=" + key.id() + "]";
        }
    }

    public record ManagementKeysResponse(List<ManagementKeyDto> keys) {
    }

    static long epochSeconds(Instant t) {
        return t == null ? 0 : t.getEpochSecond();
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
