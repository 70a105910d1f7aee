package io.latchkey.http.accesskey;

import io.latchkey.core.accesskey.AccessKeyExchangeService;
import io.latchkey.core.accesskey.AccessKeyService;
import io.latchkey.core.accesskey.ManagementKeyService;
import io.latchkey.core.accesskey.RoleService;
import io.latchkey.core.accesskey.TenantService;
import io.latchkey.core.project.ProjectService;

/**
 * The core services behind the access-key dialect (specs/descope-access-keys.md) and its native equivalents
 * under {@code /iam/v1/projects/{projectId}/...}.
 *
 * @since 0.1
 */
public record AccessKeyServices(AccessKeyService accessKeys, AccessKeyExchangeService exchange,
                                ManagementKeyService managementKeys, TenantService tenants, RoleService roles,
                                ProjectService projects) {
}
