package io.latchkey.core.accesskey;

import io.latchkey.core.authz.Aris;

/**
 * The actions and resource identifiers the access-key dialect authorizes through
 * {@link io.latchkey.core.authz.AccessControl}, like every other endpoint. Actions are in the service
 * {@code accesskey}; the built-in member and viewer roles already allow {@code accesskey:Get*},
 * {@code accesskey:List*} and {@code accesskey:Search*}, and a management key's policy allows
 * {@code accesskey:*} on its own project.
 *
 * <p>INVARIANT: action names never change once released: stored policies name them.
 *
 * @since 0.1
 */
public final class AccessKeyActions {
    public static final String SERVICE = "accesskey";
    public static final String ALL = SERVICE + ":*";

    public static final String CREATE_ACCESS_KEY = "accesskey:CreateAccessKey";
    public static final String GET_ACCESS_KEY = "accesskey:GetAccessKey";
    public static final String SEARCH_ACCESS_KEYS = "accesskey:SearchAccessKeys";
    public static final String UPDATE_ACCESS_KEY = "accesskey:UpdateAccessKey";
    public static final String ACTIVATE_ACCESS_KEY = "accesskey:ActivateAccessKey";
    public static final String DEACTIVATE_ACCESS_KEY = "accesskey:DeactivateAccessKey";
    public static final String DELETE_ACCESS_KEY = "accesskey:DeleteAccessKey";
    public static final String ROTATE_ACCESS_KEY = "accesskey:RotateAccessKey";

    public static final String CREATE_TENANT = "accesskey:CreateTenant";
    public static final String GET_TENANT = "accesskey:GetTenant";
    public static final String LIST_TENANTS = "accesskey:ListTenants";
    public static final String DELETE_TENANT = "accesskey:DeleteTenant";

    public static final String CREATE_ROLE = "accesskey:CreateRole";
    public static final String LIST_ROLES = "accesskey:ListRoles";
    public static final String DELETE_ROLE = "accesskey:DeleteRole";
    public static final String CREATE_PERMISSION = "accesskey:CreatePermission";
    public static final String LIST_PERMISSIONS = "accesskey:ListPermissions";
    public static final String DELETE_PERMISSION = "accesskey:DeletePermission";

    public static final String CREATE_MANAGEMENT_KEY = "accesskey:CreateManagementKey";
    public static final String GET_MANAGEMENT_KEY = "accesskey:GetManagementKey";
    public static final String LIST_MANAGEMENT_KEYS = "accesskey:ListManagementKeys";
    public static final String UPDATE_MANAGEMENT_KEY = "accesskey:UpdateManagementKey";
    public static final String DELETE_MANAGEMENT_KEY = "accesskey:DeleteManagementKey";

    private AccessKeyActions() {
    }

    /** {@code ari:accesskey::<projectId>:<type>/<id>}; {@code id} may be {@code *} for "all of them". */
    public static String resource(String projectId, String type, String id) {
        return Aris.resource(SERVICE, projectId, type, id);
    }

    /** Every access-key resource of a project, for policies. */
    public static String anyResource(String projectId) {
        return "ari:" + SERVICE + "::" + projectId + ":*";
    }
}
