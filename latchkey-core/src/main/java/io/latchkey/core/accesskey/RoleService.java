package io.latchkey.core.accesskey;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.authz.BuiltInRoles;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.project.ProjectRole;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Roles and permissions of a project as the access-key dialect sees them (specs/descope-access-keys.md section
 * 4.5, and the native {@code /iam/v1/projects/{projectId}/roles} and {@code .../permissions}): a role is a name
 * with permission names, and a session JWT carries the permissions of its roles.
 *
 * <p>Roles are the project's custom roles ({@link ProjectRole}, shared with the rest of Latchkey) with an
 * empty policy document: assigning one to a project member grants nothing in Latchkey itself. Built-in role
 * names ({@code admin}, {@code member}...) are refused, because the built-in would shadow the stored role.
 *
 * <p>Permission names a role lists are added to the project's permission catalog when missing, so the catalog
 * always covers what roles grant. Deleting a permission removes it from every role; deleting a role removes it
 * from every access key.
 *
 * @since 0.1
 */
public final class RoleService {
    static final int MAX_ROLE_NAME = 64;
    static final int MAX_PERMISSIONS = 500;

    private final Transactions transactions;
    private final ProjectRepository projects;
    private final PermissionRepository permissions;
    private final AccessKeyRepository accessKeys;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    public RoleService(Transactions transactions, ProjectRepository projects, PermissionRepository permissions,
                       AccessKeyRepository accessKeys, AccessControl access, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.projects = Require.nonNull(projects, "projects");
        this.permissions = Require.nonNull(permissions, "permissions");
        this.accessKeys = Require.nonNull(accessKeys, "accessKeys");
        this.access = Require.nonNull(access, "access");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /**
     * @param tenantId tenant-scoped roles are not supported: must be null or empty
     * @throws LatchkeyException {@code already_exists} naming {@code name}
     */
    public ProjectRole createRole(Actor actor, Project project, String name, String description,
                                  List<String> permissionNames, String tenantId, RequestMeta meta) {
        access.require(actor, project, AccessKeyActions.CREATE_ROLE, AccessKeyActions.resource(project.id(), "role", "*"), meta);
        String n = roleName(name);
        if (tenantId != null && !tenantId.isEmpty()) {
            throw LatchkeyException.invalidField("tenantId",
                    "tenant-scoped roles are not supported: create the role without tenantId and grant it per tenant");
        }
        String d = Inputs.description(description, "description");
        List<String> perms = Inputs.names(permissionNames, "permissionNames", MAX_PERMISSIONS);
        Instant now = clock.instant();
        ProjectRole role = new ProjectRole(project.id(), n, n, d, emptyPolicy(n, d), perms, now, now);
        return transactions.inTransaction(() -> {
            if (projects.findRole(project.id(), n).isPresent()) {
                throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "name", "a role with this name already exists");
            }
            for (String p : role.permissions()) {
                permissions.insert(new Permission(project.id(), p, null, now));
            }
            projects.insertRole(role);
            projects.bumpAuthzVersion(project.id());
            audit.record(event("role.create", actor, project, "role", n, meta)
                    .detail("permissions", String.join(",", role.permissions())));
            return role;
        });
    }

    private static String roleName(String name) {
        String n = Validate.name(name, "name", MAX_ROLE_NAME);
        if (BuiltInRoles.SLUGS.contains(n)) {
            throw LatchkeyException.invalidField("name", "name must not be one of the built-in roles "
                    + String.join(", ", BuiltInRoles.SLUGS.stream().sorted().toList()));
        }
        return n;
    }

    private static PolicyDocument emptyPolicy(String name, String description) {
        return new PolicyDocument("role:" + name, BuiltInRoles.POLICY_VERSION, name, description, List.of());
    }

    public List<ProjectRole> listRoles(Actor actor, Project project, RequestMeta meta) {
        access.require(actor, project, AccessKeyActions.LIST_ROLES, AccessKeyActions.resource(project.id(), "role", "*"), meta);
        return projects.findRoles(project.id());
    }

    /** Deletes a role and takes it away from every access key of the project. */
    public void deleteRole(Actor actor, Project project, String name, RequestMeta meta) {
        Inputs.requireId(name, "name");
        access.require(actor, project, AccessKeyActions.DELETE_ROLE, AccessKeyActions.resource(project.id(), "role", name), meta);
        transactions.run(() -> {
            if (!projects.deleteRole(project.id(), name)) {
                throw LatchkeyException.notFound("role", name);
            }
            int grants = accessKeys.removeRole(project.id(), name);
            projects.bumpAuthzVersion(project.id());
            audit.record(event("role.delete", actor, project, "role", name, meta)
                    .detail("accessKeyGrants", Integer.toString(grants)));
        });
        access.invalidate(project.id());
    }

    /** @throws LatchkeyException {@code already_exists} naming {@code name} */
    public Permission createPermission(Actor actor, Project project, String name, String description, RequestMeta meta) {
        access.require(actor, project, AccessKeyActions.CREATE_PERMISSION,
                AccessKeyActions.resource(project.id(), "permission", "*"), meta);
        Permission p = new Permission(project.id(), Inputs.name(name, "name"), Inputs.description(description, "description"),
                clock.instant());
        return transactions.inTransaction(() -> {
            if (!permissions.insert(p)) {
                throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "name", "a permission with this name already exists");
            }
            audit.record(event("permission.create", actor, project, "permission", p.name(), meta));
            return p;
        });
    }

    public List<Permission> listPermissions(Actor actor, Project project, RequestMeta meta) {
        access.require(actor, project, AccessKeyActions.LIST_PERMISSIONS,
                AccessKeyActions.resource(project.id(), "permission", "*"), meta);
        return permissions.findByProject(project.id());
    }

    /** Deletes a permission and removes it from every role that lists it. */
    public void deletePermission(Actor actor, Project project, String name, RequestMeta meta) {
        Inputs.requireId(name, "name");
        access.require(actor, project, AccessKeyActions.DELETE_PERMISSION,
                AccessKeyActions.resource(project.id(), "permission", name), meta);
        transactions.run(() -> {
            if (!permissions.delete(project.id(), name)) {
                throw LatchkeyException.notFound("permission", name);
            }
            int roles = 0;
            for (ProjectRole r : projects.findRoles(project.id())) {
                if (r.permissions().contains(name)) {
                    List<String> left = new ArrayList<>(r.permissions());
                    left.remove(name);
                    // ProjectRepository has no role update: replace the row within this transaction.
                    projects.deleteRole(project.id(), r.slug());
                    projects.insertRole(new ProjectRole(r.projectId(), r.slug(), r.name(), r.description(), r.policy(),
                            left, r.createdAt(), clock.instant()));
                    roles++;
                }
            }
            audit.record(event("permission.delete", actor, project, "permission", name, meta)
                    .detail("roles", Integer.toString(roles)));
        });
    }

    private static AuditRecord.Builder event(String action, Actor actor, Project project, String type, String id,
                                             RequestMeta meta) {
        return AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(project.orgId())
                .project(project.id()).target(type, id);
    }
}
