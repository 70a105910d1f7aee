package io.latchkey.core.identity;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.auth.PrincipalDirectory;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgMembership;
import io.latchkey.core.org.OrgPermission;
import io.latchkey.core.org.OrgRoles;
import io.latchkey.core.org.OrganizationRepository;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectMember;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machine identities of an organization (specs/infisical.md section 3.1, identity administration): create,
 * get, update, delete, search, and the projects they are members of. Identities are organization members
 * with an organization role (default {@code no-access}: they reach only the projects they join).
 *
 * <p>Deleting an identity revokes every token it holds at once, on every node (a subject revocation, no
 * matter how many sessions it has), removes it from every project and deletes its auth methods.
 *
 * @since 0.1
 */
public final class IdentityService {
    public static final int MAX_NAME = 64;
    public static final int MAX_METADATA = 50;

    private final Transactions transactions;
    private final IdentityRepository identities;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final IdentityAccess access;
    private final TokenService tokens;
    private final AccessControl accessControl;
    private final PrincipalDirectory directory;
    private final IdentityLookups lookups;
    private final AuditLog audit;
    private final Clock clock;

    public IdentityService(Transactions transactions, IdentityRepository identities, OrganizationRepository organizations,
                           ProjectRepository projects, IdentityAccess access, TokenService tokens,
                           AccessControl accessControl, PrincipalDirectory directory, IdentityLookups lookups, AuditLog audit,
                           Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.identities = Require.nonNull(identities, "identities");
        this.organizations = Require.nonNull(organizations, "organizations");
        this.projects = Require.nonNull(projects, "projects");
        this.access = Require.nonNull(access, "access");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.accessControl = Require.nonNull(accessControl, "accessControl");
        this.directory = Require.nonNull(directory, "directory");
        this.lookups = Require.nonNull(lookups, "lookups");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** An identity as the dialect shows it: with its organization role and attached auth methods. */
    public record IdentityView(MachineIdentity identity, String role, List<String> authMethods) {
    }

    /** One page of a search, with the total number of matches. */
    public record IdentityPage(List<IdentityView> identities, long totalCount) {
    }

    /** An identity's membership in a project. */
    public record ProjectMembership(Project project, ProjectMember member) {
    }

    /** @param metadata key-value pairs shown with the identity; null for none */
    public IdentityView create(Actor actor, String orgId, String name, String role, Map<String, String> metadata,
                               RequestMeta meta) {
        if (orgId == null || orgId.isBlank()) {
            throw LatchkeyException.missingField("organizationId");
        }
        access.permissions().require(actor, orgId, OrgPermission.IDENTITIES_MANAGE, "create identities");
        String n = Validate.name(name, "name", MAX_NAME);
        String r = access.permissions().requireGrantable(actor, orgId, role == null ? OrgRoles.NO_ACCESS : role, "role");
        Map<String, String> md = validMetadata(metadata);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            MachineIdentity identity = new MachineIdentity(Ids.uuid(), orgId, n, false, md, now, now);
            identities.insert(identity);
            organizations.insertMembership(new OrgMembership(orgId, PrincipalType.IDENTITY, identity.id(), r, now, now));
            audit.record(AuditRecord.builder("identity.create", AuditOutcome.SUCCESS).actor(actor).meta(meta).org(orgId)
                    .target("identity", identity.id()).detail("role", r));
            return new IdentityView(identity, r, List.of());
        });
    }

    public IdentityView get(Actor actor, String identityId) {
        return view(access.require(actor, identityId, OrgPermission.IDENTITIES_READ, "read identities"));
    }

    /** Absent members stay unchanged. */
    public IdentityView update(Actor actor, String identityId, String name, String role, Map<String, String> metadata,
                               RequestMeta meta) {
        MachineIdentity current = access.require(actor, identityId, OrgPermission.IDENTITIES_MANAGE, "update identities");
        String n = name == null ? current.name() : Validate.name(name, "name", MAX_NAME);
        String r = role == null ? null : access.permissions().requireGrantable(actor, current.orgId(), role, "role");
        Map<String, String> md = metadata == null ? current.metadata() : validMetadata(metadata);
        transactions.run(() -> {
            Instant now = clock.instant();
            identities.update(new MachineIdentity(current.id(), current.orgId(), n, current.instanceAdmin(), md,
                    current.createdAt(), now));
            if (r != null) {
                organizations.updateMembershipRole(current.orgId(), PrincipalType.IDENTITY, current.id(), r);
            }
            audit.record(AuditRecord.builder("identity.update", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(current.orgId()).target("identity", current.id()).detail("role", r));
        });
        directory.evict(PrincipalType.IDENTITY, current.id());
        lookups.forget();
        return get(actor, identityId);
    }

    /** Deletes the identity, revoking every token it holds (see the class comment). */
    public IdentityView delete(Actor actor, String identityId, RequestMeta meta) {
        MachineIdentity identity = access.require(actor, identityId, OrgPermission.IDENTITIES_MANAGE, "delete identities");
        if (identity.instanceAdmin()) {
            throw LatchkeyException.of(ErrorCode.PRINCIPAL_CANNOT_BE_DELETED,
                    "the instance-administrator identity cannot be deleted");
        }
        IdentityView before = view(identity);
        List<String> affected = transactions.inTransaction(() -> {
            List<String> projectIds = projects.deleteMemberEverywhere(PrincipalType.IDENTITY, identity.id());
            projectIds.forEach(projects::bumpAuthzVersion);
            organizations.deleteMembership(identity.orgId(), PrincipalType.IDENTITY, identity.id());
            identities.delete(identity.id());
            tokens.revokeAllOf(PrincipalType.IDENTITY, identity.id());
            audit.record(AuditRecord.builder("identity.delete", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(identity.orgId()).target("identity", identity.id()));
            return projectIds;
        });
        affected.forEach(accessControl::invalidate);
        directory.evict(PrincipalType.IDENTITY, identity.id());
        lookups.forget();
        return before;
    }

    /** Identities of the actor's organization whose name contains {@code search} (all when null). */
    public IdentityPage search(Actor actor, String orgId, String search, int offset, int limit) {
        access.permissions().require(actor, orgId, OrgPermission.IDENTITIES_READ, "list identities");
        List<IdentityView> views = new ArrayList<>();
        for (MachineIdentity i : identities.search(orgId, search, offset, limit)) {
            views.add(view(i));
        }
        return new IdentityPage(views, identities.count(orgId, search));
    }

    /** The projects the identity is a member of, with its roles there. */
    public List<ProjectMembership> projectMemberships(Actor actor, String identityId) {
        MachineIdentity identity = access.require(actor, identityId, OrgPermission.IDENTITIES_READ, "read identities");
        List<ProjectMembership> out = new ArrayList<>();
        for (String projectId : projects.findProjectIdsOfMember(PrincipalType.IDENTITY, identity.id())) {
            Project p = projects.findById(projectId).orElse(null);
            if (p != null && p.orgId().equals(identity.orgId())) {
                projects.findMember(projectId, PrincipalType.IDENTITY, identity.id())
                        .ifPresent(m -> out.add(new ProjectMembership(p, m)));
            }
        }
        return out;
    }

    /** The view of an identity (no access check: callers have checked). */
    public IdentityView view(MachineIdentity identity) {
        String role = organizations.findMembership(identity.orgId(), PrincipalType.IDENTITY, identity.id())
                .map(OrgMembership::role).orElse(OrgRoles.NO_ACCESS);
        return new IdentityView(identity, role, identities.authMethodsOf(identity.id()));
    }

    private static Map<String, String> validMetadata(Map<String, String> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        if (metadata.size() > MAX_METADATA) {
            throw LatchkeyException.invalidField("metadata", "metadata may hold at most " + MAX_METADATA + " entries");
        }
        Map<String, String> out = new LinkedHashMap<>();
        metadata.forEach((k, v) -> {
            String key = Validate.name(k, "metadata.key", 64);
            out.put(key, Validate.optionalText(v == null ? "" : v, "metadata.value", 1020));
        });
        return out;
    }
}
