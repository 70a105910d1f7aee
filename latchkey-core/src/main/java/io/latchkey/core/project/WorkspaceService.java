package io.latchkey.core.project;

import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.authz.Aris;
import io.latchkey.core.authz.BuiltInRoles;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.IdentityRepository;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.org.OrgPermission;
import io.latchkey.core.org.OrgPermissions;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.tx.Transactions;
import io.latchkey.core.user.User;
import io.latchkey.core.user.UserRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Projects ("workspaces") and their memberships as the secrets dialect sees them (specs/infisical.md
 * sections 6 and 7). A workspace is the same {@link Project} as in the IAM dialect: one id, one set of
 * members, one policy evaluator ({@link ProjectService}, {@link MemberService}); this service adds what the
 * dialect expects on top.
 *
 * <ul>
 *   <li>Creation needs the organization permission {@code projects:create} (roles member and admin), and the
 *       creator becomes the project's admin: it owns the project (implicit full access) and also holds an
 *       explicit {@code admin} membership, so membership listings show it (spec section 6).</li>
 *   <li>Adding a user or identity that is already a member is a 400 (spec section 7), not a no-op.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class WorkspaceService {
    private final Transactions transactions;
    private final ProjectRepository projects;
    private final ProjectService projectService;
    private final MemberService members;
    private final OrgPermissions orgPermissions;
    private final IdentityRepository identities;
    private final UserRepository users;
    private final AccessControl access;
    private final Clock clock;

    public WorkspaceService(Transactions transactions, ProjectRepository projects, ProjectService projectService,
                            MemberService members, OrgPermissions orgPermissions, IdentityRepository identities,
                            UserRepository users, AccessControl access, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.projects = Require.nonNull(projects, "projects");
        this.projectService = Require.nonNull(projectService, "projectService");
        this.members = Require.nonNull(members, "members");
        this.orgPermissions = Require.nonNull(orgPermissions, "orgPermissions");
        this.identities = Require.nonNull(identities, "identities");
        this.users = Require.nonNull(users, "users");
        this.access = Require.nonNull(access, "access");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** An identity's membership with the identity itself. */
    public record IdentityMember(ProjectMember member, MachineIdentity identity, List<String> authMethods) {
    }

    /** A user's membership with the user. */
    public record UserMember(ProjectMember member, User user) {
    }

    /** Creates a project; the creator owns it and is its admin. */
    public Project create(Actor actor, ProjectService.NewProject request, RequestMeta meta) {
        orgPermissions.require(actor, actor.orgId(), OrgPermission.PROJECTS_CREATE, "create projects");
        Project p = transactions.inTransaction(() -> {
            Project created = projectService.create(actor, request, meta);
            Instant now = clock.instant();
            projects.insertMember(new ProjectMember(created.id(), actor.type(), actor.id(), List.of(BuiltInRoles.ADMIN), now, now));
            projects.bumpAuthzVersion(created.id());
            return created;
        });
        access.invalidate(p.id());
        return p;
    }

    /** MB2: adds an identity of the project's organization with roles (400 when already a member). */
    public IdentityMember addIdentity(Actor actor, String projectId, String identityId, List<String> roles, RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        add(actor, p, PrincipalType.IDENTITY, identityId, roles, meta);
        return identityMember(p, identityId);
    }

    /** MB1: adds users of the project's organization, named by email, with roles. */
    public List<UserMember> addUsers(Actor actor, String projectId, List<String> emails, List<String> roles,
                                     RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        if (emails == null || emails.isEmpty()) {
            throw LatchkeyException.missingField("emails");
        }
        List<User> found = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            String email = Validate.email(emails.get(i), "emails[" + i + "]");
            found.add(users.findByEmail(Validate.normalizeEmail(email))
                    .orElseThrow(() -> LatchkeyException.notFound("user", null)));
        }
        List<UserMember> out = new ArrayList<>();
        transactions.run(() -> {
            for (User u : found) {
                add(actor, p, PrincipalType.USER, u.id(), roles, meta);
                out.add(new UserMember(members.find(p, PrincipalType.USER, u.id()).orElseThrow(), u));
            }
        });
        return out;
    }

    /** MB3: identity members, optionally filtered by a name fragment and a role. */
    public List<IdentityMember> listIdentities(Actor actor, String projectId, String nameContains, String role,
                                               RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        List<IdentityMember> out = new ArrayList<>();
        for (ProjectMember m : members.list(actor, p, null, 10_000, meta)) {
            if (m.principalType() != PrincipalType.IDENTITY || (role != null && !m.roles().contains(role))) {
                continue;
            }
            IdentityMember im = identityMember(p, m.principalId());
            if (nameContains == null || im.identity().name().toLowerCase(java.util.Locale.ROOT)
                    .contains(nameContains.toLowerCase(java.util.Locale.ROOT))) {
                out.add(im);
            }
        }
        return out;
    }

    public IdentityMember getIdentity(Actor actor, String projectId, String identityId, RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        members.get(actor, p, PrincipalType.IDENTITY, identityId, meta);
        return identityMember(p, identityId);
    }

    public IdentityMember updateIdentity(Actor actor, String projectId, String identityId, List<String> roles,
                                         RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        members.updateRoles(actor, p, PrincipalType.IDENTITY, identityId, requireRoles(roles), meta);
        return identityMember(p, identityId);
    }

    public IdentityMember removeIdentity(Actor actor, String projectId, String identityId, RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        IdentityMember before = identityMember(p, identityId);
        members.remove(actor, p, PrincipalType.IDENTITY, identityId, meta);
        return before;
    }

    private void add(Actor actor, Project p, PrincipalType type, String id, List<String> roles, RequestMeta meta) {
        // Authorization first, so that whether a principal is a member is not revealed to a caller who may not add.
        access.require(actor, p, "iam:AddPrincipal", Aris.member(p.id(), type, id == null ? "" : id), meta);
        if (id != null && (members.find(p, type, id).isPresent() || p.isOwner(type, id))) {
            throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, type == PrincipalType.USER ? "emails" : "identityId",
                    "the " + type.wire() + " is already a member of the project");
        }
        members.add(actor, p, type, id, requireRoles(roles), meta);
    }

    private static List<String> requireRoles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw LatchkeyException.missingField("roles");
        }
        return roles;
    }

    private IdentityMember identityMember(Project p, String identityId) {
        ProjectMember m = members.find(p, PrincipalType.IDENTITY, identityId)
                .orElseThrow(() -> LatchkeyException.notFound("identity membership", identityId));
        MachineIdentity i = identities.findById(identityId)
                .orElseThrow(() -> LatchkeyException.notFound("identity", identityId));
        return new IdentityMember(m, i, identities.authMethodsOf(i.id()));
    }
}
