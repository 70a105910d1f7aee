package io.latchkey.core.project;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.authz.Aris;
import io.latchkey.core.authz.BuiltInRoles;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is in a project and what their policy says (IAM dialect P5-P7, PO1-PO2, and the secrets dialect's
 * memberships). Every change bumps the project's authorization version in the same transaction.
 *
 * @since 0.1
 */
public final class MemberService {
    private final Transactions transactions;
    private final ProjectRepository projects;
    private final AccessControl access;
    private final PrincipalCheck principalExists;
    private final AuditLog audit;
    private final Clock clock;

    /** Whether a principal may join a project: it exists and is within the project's organization's reach. */
    @FunctionalInterface
    public interface PrincipalCheck {
        boolean exists(Project project, PrincipalType type, String principalId);
    }

    /**
     * @param principalExists whether a principal of a type and id exists in the given project's reach
     *        (users and identities of the project's organization, personal access tokens)
     */
    public MemberService(Transactions transactions, ProjectRepository projects, AccessControl access,
                         PrincipalCheck principalExists, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.projects = Require.nonNull(projects, "projects");
        this.access = Require.nonNull(access, "access");
        this.principalExists = Require.nonNull(principalExists, "principalExists");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** Adds a principal (idempotent: adding a member again changes nothing). */
    public void add(Actor actor, Project project, PrincipalType type, String principalId, List<String> roles,
                    RequestMeta meta) {
        access.require(actor, project, "iam:AddPrincipal", Aris.member(project.id(), type, principalId), meta);
        if (principalId == null || principalId.isBlank()) {
            throw LatchkeyException.missingField("principalId");
        }
        if (!principalExists.exists(project, type, principalId)) {
            throw LatchkeyException.notFound(type.wire(), principalId);
        }
        validateRoles(project, roles);
        transactions.run(() -> {
            if (projects.findMember(project.id(), type, principalId).isPresent() || project.isOwner(type, principalId)) {
                return;
            }
            Instant now = clock.instant();
            projects.insertMember(new ProjectMember(project.id(), type, principalId, roles, now, now));
            projects.bumpAuthzVersion(project.id());
            audit.record(AuditRecord.builder("project.member.add", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(project.orgId()).project(project.id()).target(type.wire(), principalId)
                    .detail("roles", String.join(",", roles)));
        });
        access.invalidate(project.id());
    }

    /** Members of the project, ordered, after the given position. */
    public List<ProjectMember> list(Actor actor, Project project, String afterKey, int limit, RequestMeta meta) {
        access.require(actor, project, "iam:ListPrincipals", Aris.project(project.id()), meta);
        return projects.findMembers(project.id(), afterKey, limit);
    }

    public ProjectMember get(Actor actor, Project project, PrincipalType type, String principalId, RequestMeta meta) {
        access.require(actor, project, "iam:ListPrincipals", Aris.member(project.id(), type, principalId), meta);
        return projects.findMember(project.id(), type, principalId)
                .orElseThrow(() -> LatchkeyException.notFound(type.wire(), principalId));
    }

    public ProjectMember updateRoles(Actor actor, Project project, PrincipalType type, String principalId,
                                     List<String> roles, RequestMeta meta) {
        access.require(actor, project, "iam:UpdatePrincipal", Aris.member(project.id(), type, principalId), meta);
        validateRoles(project, roles);
        transactions.run(() -> {
            if (!projects.updateMemberRoles(project.id(), type, principalId, roles)) {
                throw LatchkeyException.notFound(type.wire(), principalId);
            }
            projects.bumpAuthzVersion(project.id());
            audit.record(AuditRecord.builder("project.member.update", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(project.orgId()).project(project.id()).target(type.wire(), principalId)
                    .detail("roles", String.join(",", roles)));
        });
        access.invalidate(project.id());
        return projects.findMember(project.id(), type, principalId).orElseThrow();
    }

    /** Removes a member and its policy in the project. A principal cannot remove itself (409). */
    public ProjectMember remove(Actor actor, Project project, PrincipalType type, String principalId, RequestMeta meta) {
        if (actor.type() == type && actor.id().equals(principalId)) {
            throw LatchkeyException.of(ErrorCode.PRINCIPAL_CANNOT_BE_DELETED,
                    "a principal cannot remove itself from a project");
        }
        access.require(actor, project, "iam:RemovePrincipal", Aris.member(project.id(), type, principalId), meta);
        ProjectMember removed = transactions.inTransaction(() -> {
            ProjectMember m = projects.findMember(project.id(), type, principalId)
                    .orElseThrow(() -> LatchkeyException.notFound(type.wire(), principalId));
            projects.deleteMember(project.id(), type, principalId);
            projects.deletePolicy(project.id(), type, principalId);
            projects.bumpAuthzVersion(project.id());
            audit.record(AuditRecord.builder("project.member.remove", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(project.orgId()).project(project.id()).target(type.wire(), principalId));
            return m;
        });
        access.invalidate(project.id());
        return removed;
    }

    /**
     * The principal's policy in the project: the stored document, or an empty one for a member without a
     * policy. Not found when the principal is not in the project.
     */
    public PolicyDocument getPolicy(Actor actor, Project project, PrincipalType type, String principalId, RequestMeta meta) {
        access.require(actor, project, "iam:GetPolicies", Aris.policy(project.id(), type, principalId), meta);
        requireInProject(project, type, principalId);
        return policyOrEmpty(project, type, principalId);
    }

    /** The stored policy or an empty document (no access check: callers have checked). */
    public PolicyDocument policyOrEmpty(Project project, PrincipalType type, String principalId) {
        return projects.findPolicy(project.id(), type, principalId).orElse(new PolicyDocument(
                policyId(type, principalId), BuiltInRoles.POLICY_VERSION, null, null, List.of()));
    }

    /** Replaces the principal's policy; the document is validated first and stored verbatim. */
    public PolicyDocument putPolicy(Actor actor, Project project, PrincipalType type, String principalId,
                                    PolicyDocument document, RequestMeta meta) {
        access.require(actor, project, "iam:UpdatePolicies", Aris.policy(project.id(), type, principalId), meta);
        requireInProject(project, type, principalId);
        access.engine().validate(document);
        PolicyDocument stored = new PolicyDocument(policyId(type, principalId), document.version(), document.name(),
                document.description(), document.statements());
        transactions.run(() -> {
            projects.putPolicy(project.id(), type, principalId, stored);
            projects.bumpAuthzVersion(project.id());
            audit.record(AuditRecord.builder("project.policy.put", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(project.orgId()).project(project.id()).target(type.wire(), principalId)
                    .detail("statements", Integer.toString(stored.statements().size())));
        });
        access.invalidate(project.id());
        return stored;
    }

    private void requireInProject(Project project, PrincipalType type, String principalId) {
        if (!access.belongsTo(project, type, principalId)) {
            throw LatchkeyException.notFound(type.wire(), principalId);
        }
    }

    private void validateRoles(Project project, List<String> roles) {
        for (int i = 0; i < roles.size(); i++) {
            String r = roles.get(i);
            if (!BuiltInRoles.SLUGS.contains(r) && projects.findRole(project.id(), r).isEmpty()) {
                throw LatchkeyException.invalidField("roles[" + i + "]", "role " + r + " does not exist in the project");
            }
        }
    }

    static String policyId(PrincipalType type, String id) {
        return "principal:" + type.wire() + ":" + id;
    }

    /** Finds a member without access checks (for services that have checked). */
    public Optional<ProjectMember> find(Project project, PrincipalType type, String principalId) {
        return projects.findMember(project.id(), type, principalId);
    }
}
