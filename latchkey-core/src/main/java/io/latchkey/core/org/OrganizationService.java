package io.latchkey.core.org;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.AccessTokenSettings;
import io.latchkey.core.identity.AuthMethodNames;
import io.latchkey.core.identity.IdentityRepository;
import io.latchkey.core.identity.IdentityTokens;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.identity.TokenAuthConfig;
import io.latchkey.core.identity.TrustedIps;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.tx.Transactions;
import io.latchkey.core.user.User;
import io.latchkey.core.user.UserRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Organizations and their members (seed 003, {@code organizations} and {@code admin}): the instance
 * administrator creates further organizations; members are listed, re-roled and removed; custom roles are
 * created, listed and deleted. Identities are members too but are managed by
 * {@link io.latchkey.core.identity.IdentityService}.
 *
 * <p>A new organization gets an administrator identity with token auth and one non-expiring token,
 * returned once, like the bootstrap's: it is the only way into an organization that has no users yet.
 *
 * @since 0.1
 */
public final class OrganizationService {
    static final String ADMIN_IDENTITY_NAME = "org-admin";

    private final Transactions transactions;
    private final OrganizationRepository organizations;
    private final OrgRoleRepository roles;
    private final OrgPermissions permissions;
    private final UserRepository users;
    private final IdentityRepository identities;
    private final IdentityTokens identityTokens;
    private final ProjectRepository projects;
    private final AccessControl access;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;

    public OrganizationService(Transactions transactions, OrganizationRepository organizations, OrgRoleRepository roles,
                               OrgPermissions permissions, UserRepository users, IdentityRepository identities,
                               IdentityTokens identityTokens, ProjectRepository projects, AccessControl access,
                               TokenService tokens, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.organizations = Require.nonNull(organizations, "organizations");
        this.roles = Require.nonNull(roles, "roles");
        this.permissions = Require.nonNull(permissions, "permissions");
        this.users = Require.nonNull(users, "users");
        this.identities = Require.nonNull(identities, "identities");
        this.identityTokens = Require.nonNull(identityTokens, "identityTokens");
        this.projects = Require.nonNull(projects, "projects");
        this.access = Require.nonNull(access, "access");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** A new organization with its administrator identity and that identity's token (shown once). */
    public record CreatedOrganization(Organization organization, MachineIdentity adminIdentity,
                                      IdentityTokens.Issued adminToken) {
    }

    /** A user member with its role. */
    public record UserMember(User user, OrgMembership membership) {
    }

    /** Creates an organization (instance administrators only). */
    public CreatedOrganization create(Actor actor, String name, RequestMeta meta) {
        if (!Require.nonNull(actor, "actor").instanceAdmin()) {
            throw LatchkeyException.forbidden("only an instance administrator may create organizations");
        }
        String n = Validate.name(name, "name", 64);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            String base = Validate.slugify(n, 40);
            String slug = organizations.findBySlug(base).isEmpty() ? base
                    : base + "-" + Ids.alphanumeric(6).toLowerCase(java.util.Locale.ROOT);
            Organization org = new Organization(Ids.uuid(), n, slug, now, now);
            organizations.insert(org);
            MachineIdentity admin = new MachineIdentity(Ids.uuid(), org.id(), ADMIN_IDENTITY_NAME, false, Map.of(), now, now);
            identities.insert(admin);
            organizations.insertMembership(new OrgMembership(org.id(), PrincipalType.IDENTITY, admin.id(), OrgRoles.ADMIN, now, now));
            AccessTokenSettings nonExpiring = new AccessTokenSettings(0, 0, 0, 0, TrustedIps.ANYWHERE);
            identities.insertTokenAuth(TokenAuthConfig.of(admin.id(), nonExpiring, now, now));
            IdentityTokens.Issued token = identityTokens.issue(admin, AuthMethodNames.TOKEN_AUTH, nonExpiring,
                    "organization-admin", Map.of(), null);
            audit.record(AuditRecord.builder("organization.create", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(org.id()).target("organization", org.id()).detail("adminIdentityId", admin.id()));
            return new CreatedOrganization(org, admin, token);
        });
    }

    /** User members of the organization. */
    public List<UserMember> listUsers(Actor actor, String orgId) {
        permissions.require(actor, orgId, OrgPermission.MEMBERS_READ, "list members");
        List<UserMember> out = new ArrayList<>();
        for (OrgMembership m : organizations.findMembers(orgId)) {
            if (m.memberType() == PrincipalType.USER) {
                users.findById(m.memberId()).ifPresent(u -> out.add(new UserMember(u, m)));
            }
        }
        return out;
    }

    public UserMember getUser(Actor actor, String orgId, String userId) {
        permissions.require(actor, orgId, OrgPermission.MEMBERS_READ, "read members");
        return userMember(orgId, userId);
    }

    public UserMember updateUserRole(Actor actor, String orgId, String userId, String role, RequestMeta meta) {
        permissions.require(actor, orgId, OrgPermission.MEMBERS_MANAGE, "change members' roles");
        UserMember current = userMember(orgId, userId);
        String r = permissions.requireGrantable(actor, orgId, role, "role");
        transactions.run(() -> {
            organizations.updateMembershipRole(orgId, PrincipalType.USER, userId, r);
            audit.record(AuditRecord.builder("organization.member.update", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(orgId).target("user", userId).detail("role", r));
        });
        return new UserMember(current.user(), organizations.findMembership(orgId, PrincipalType.USER, userId).orElseThrow());
    }

    /** Removes a user from the organization and its projects, revoking the user's tokens. */
    public UserMember removeUser(Actor actor, String orgId, String userId, RequestMeta meta) {
        permissions.require(actor, orgId, OrgPermission.MEMBERS_MANAGE, "remove members");
        if (actor.type() == PrincipalType.USER && actor.id().equals(userId)) {
            throw LatchkeyException.of(ErrorCode.PRINCIPAL_CANNOT_BE_DELETED, "a member cannot remove itself from the organization");
        }
        UserMember current = userMember(orgId, userId);
        List<String> affected = transactions.inTransaction(() -> {
            List<String> projectIds = projects.deleteMemberEverywhere(PrincipalType.USER, userId);
            projectIds.forEach(projects::bumpAuthzVersion);
            organizations.deleteMembership(orgId, PrincipalType.USER, userId);
            tokens.revokeAllOf(PrincipalType.USER, userId);
            audit.record(AuditRecord.builder("organization.member.remove", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(orgId).target("user", userId));
            return projectIds;
        });
        affected.forEach(access::invalidate);
        return current;
    }

    /** Creates a custom role; {@code slug} must not be a built-in role's. */
    public OrgRole createRole(Actor actor, String orgId, String slug, String name, String description,
                              Set<OrgPermission> granted, RequestMeta meta) {
        permissions.require(actor, orgId, OrgPermission.ROLES_MANAGE, "manage roles");
        if (slug == null || slug.isBlank()) {
            throw LatchkeyException.missingField("slug");
        }
        if (!Validate.isSlug(slug) || slug.length() > 64 || OrgRoles.BUILT_IN.contains(slug)) {
            throw LatchkeyException.invalidField("slug", "slug must be a lower-case slug of at most 64 characters other than admin, member and no-access");
        }
        Instant now = clock.instant();
        OrgRole role = new OrgRole(Ids.uuid(), orgId, slug, Validate.name(name == null ? slug : name, "name", 64),
                Validate.optionalText(description, "description", 500), Require.nonNull(granted, "granted"), now, now);
        transactions.run(() -> {
            if (!roles.insert(role)) {
                throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "slug", "a role with this slug already exists");
            }
            audit.record(AuditRecord.builder("organization.role.create", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(orgId).target("org_role", slug));
        });
        return role;
    }

    public List<OrgRole> listRoles(Actor actor, String orgId) {
        permissions.require(actor, orgId, OrgPermission.MEMBERS_READ, "list roles");
        return roles.findByOrg(orgId);
    }

    /** Deletes a custom role that no member holds. */
    public OrgRole deleteRole(Actor actor, String orgId, String slug, RequestMeta meta) {
        permissions.require(actor, orgId, OrgPermission.ROLES_MANAGE, "manage roles");
        OrgRole role = roles.find(orgId, slug).orElseThrow(() -> LatchkeyException.notFound("role", slug));
        if (organizations.findMembers(orgId).stream().anyMatch(m -> slug.equals(m.role()))) {
            throw LatchkeyException.of(ErrorCode.INVALID_REQUEST, "the role is still held by members; change their roles first");
        }
        transactions.run(() -> {
            roles.delete(orgId, slug);
            audit.record(AuditRecord.builder("organization.role.delete", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(orgId).target("org_role", slug));
        });
        return role;
    }

    private UserMember userMember(String orgId, String userId) {
        OrgMembership m = userId == null ? null
                : organizations.findMembership(orgId, PrincipalType.USER, userId).orElse(null);
        User u = m == null ? null : users.findById(userId).orElse(null);
        if (u == null) {
            throw LatchkeyException.notFound("membership", userId);
        }
        return new UserMember(u, m);
    }
}
