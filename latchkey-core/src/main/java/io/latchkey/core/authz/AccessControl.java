package io.latchkey.core.authz;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.auth.PrincipalDirectory;
import io.latchkey.core.auth.PrincipalInfo;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgMembership;
import io.latchkey.core.org.OrgRoles;
import io.latchkey.core.org.OrganizationRepository;
import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.CompiledPolicies;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyEngine;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectMember;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.TtlCache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one authorization path of Latchkey: every endpoint that acts on a project asks here, and so does the
 * public authorization-check API. For a principal in a project it gathers the policy documents that apply
 * (implicit full access for the project owner, organization administrators and the instance
 * administrator; the documents of the member's roles; the principal's own policy), compiles them once and
 * evaluates requests against the compiled set.
 *
 * <p>Caching: compiled sets are kept per (project, principal). After {@link #RECHECK} an entry is checked
 * against the project's authorization version (one indexed read), which every change to memberships,
 * policies or roles bumps in the same transaction; a change made on any node therefore takes effect
 * everywhere within about a second. Entries are rebuilt after {@link #MAX_AGE} regardless, which bounds how
 * long an organization-role change can go unnoticed. The cache is bounded by what it holds, not by its
 * entry count: a compiled statement takes about 1 KB of heap (200 compiled copies of the benchmarks'
 * 100-statement policy took 95 KB each), so at most {@link #MAX_CACHED_STATEMENTS} statements are kept; beyond
 * that the cache starts over, as it does beyond {@link #MAX_CACHED_ENTRIES} entries.
 *
 * @since 0.1
 */
public final class AccessControl {
    static final Duration RECHECK = Duration.ofSeconds(1);
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** About 10 MB of compiled policies; the server's heap is sized with it (see jvm.options). */
    static final int MAX_CACHED_STATEMENTS = 10_000;
    static final int MAX_CACHED_ENTRIES = 50_000;
    /** Membership answers remembered at most ({@link #memberProject}): those given within the last second. */
    static final int MAX_MEMBERS = 10_000;

    private final ProjectRepository projects;
    private final OrganizationRepository organizations;
    private final PrincipalDirectory directory;
    private final PolicyEngine engine;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    /** Statements held by {@link #cache}; approximate under races, which only moves when it starts over. */
    private final java.util.concurrent.atomic.AtomicLong cachedStatements = new java.util.concurrent.atomic.AtomicLong();

    /** Positive answers of {@link #memberProject}; cleared whole by {@link #invalidate} (changes are rare). */
    private final TtlCache<String, Project> members;

    private record Entry(CompiledPolicies compiled, int statements, long version, Instant builtAt, Instant checkedAt) {
    }

    public AccessControl(ProjectRepository projects, OrganizationRepository organizations, PrincipalDirectory directory,
                         PolicyEngine engine, AuditLog audit, Clock clock) {
        this.projects = Require.nonNull(projects, "projects");
        this.organizations = Require.nonNull(organizations, "organizations");
        this.directory = Require.nonNull(directory, "directory");
        this.engine = Require.nonNull(engine, "engine");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
        this.members = new TtlCache<>(RECHECK, MAX_MEMBERS, clock);
    }

    public PolicyEngine engine() {
        return engine;
    }

    /** Evaluates one request for a principal of {@code project}. Pure apart from the cache. */
    public Decision decide(Project project, PrincipalType type, String principalId, String action, String resource,
                           String sourceIp) {
        return decideAt(project, type, principalId, action, resource, sourceIp, clock.instant());
    }

    /** Like {@link #decide} for a given time (the authorization-check API lets callers ask "what if"). */
    public Decision decideAt(Project project, PrincipalType type, String principalId, String action, String resource,
                             String sourceIp, Instant time) {
        CompiledPolicies c = compiled(project, type, principalId);
        return c.evaluate(new AuthzRequest(Aris.principal(project.id(), type, principalId), action, resource, sourceIp, time));
    }

    /**
     * Throws {@code forbidden} unless the actor may do {@code action} on {@code resource}. The error names
     * the missing permission and carries a decision id that is also in the audit log.
     */
    public void require(Actor actor, Project project, String action, String resource, RequestMeta meta) {
        Decision d = decide(project, actor.type(), actor.id(), action, resource, meta.sourceIp());
        if (d.allowed()) {
            return;
        }
        String decisionId = Ids.nonSecretUuid();
        String why = d.outcome() == DecisionOutcome.EXPLICIT_DENY
                ? "denied by " + d.deciding().policyId() + " statement " + d.deciding().index()
                : "no policy grants it";
        if (!d.errors().isEmpty()) {
            // A statement that could not be evaluated denies (fails closed); say so instead of a plain deny.
            why += "; " + d.errors().size() + " statement(s) could not be evaluated: " + d.errors().get(0).message();
        }
        audit.recordAsync(AuditRecord.builder("authz.deny", AuditOutcome.DENIED).actor(actor).meta(meta)
                .org(project.orgId()).project(project.id()).target("resource", resource)
                .detail("action", action).detail("decisionId", decisionId).detail("outcome", d.outcome().name())
                .detail("evaluationErrors", d.errors().isEmpty() ? null : Integer.toString(d.errors().size())));
        throw LatchkeyException.of(ErrorCode.FORBIDDEN,
                        actor.type().wire() + " " + actor.id() + " may not " + action + " on " + resource + " (" + why + ")")
                .withDetail("decisionId", decisionId)
                .withDetail("missingPermission", action)
                .withDetail("resource", resource);
    }

    /** True when the principal owns the project or is one of its members. */
    public boolean belongsTo(Project project, PrincipalType type, String principalId) {
        return project.isOwner(type, principalId) || projects.findMember(project.id(), type, principalId).isPresent();
    }

    /**
     * The project, when it exists and the principal owns it or is one of its members (the security token
     * service's condition for a project-bound token). A positive answer is remembered for {@link #RECHECK},
     * the bound policy changes already have: a member removed or a project deleted on this node is refused at
     * once ({@link #invalidate}), on another node within the second. A negative answer is never remembered.
     */
    public Optional<Project> memberProject(String projectId, PrincipalType type, String principalId) {
        return members.getOrLoad(projectId + "|" + type.wire() + "|" + principalId,
                k -> projects.findById(projectId).filter(p -> belongsTo(p, type, principalId)));
    }

    /** Forgets cached decisions for a project on this node (after a local change; other nodes notice the version). */
    public void invalidate(String projectId) {
        members.clear();
        String prefix = projectId + "|";
        cache.entrySet().removeIf(en -> {
            if (en.getKey().startsWith(prefix)) {
                cachedStatements.addAndGet(-en.getValue().statements());
                return true;
            }
            return false;
        });
    }

    private CompiledPolicies compiled(Project project, PrincipalType type, String principalId) {
        String key = project.id() + "|" + type.wire() + "|" + principalId;
        Instant now = clock.instant();
        Entry e = cache.get(key);
        if (e != null && e.checkedAt().plus(RECHECK).isAfter(now)) {
            return e.compiled();
        }
        long version = projects.authzVersion(project.id());
        if (e != null && e.version() == version && e.builtAt().plus(MAX_AGE).isAfter(now)) {
            cache.put(key, new Entry(e.compiled(), e.statements(), version, e.builtAt(), now));
            return e.compiled();
        }
        List<PolicyDocument> documents = documentsFor(project, type, principalId);
        CompiledPolicies c = engine.compile(documents);
        int statements = 1;
        for (PolicyDocument d : documents) {
            statements += d.statements().size();
        }
        if (cache.size() >= MAX_CACHED_ENTRIES || cachedStatements.get() + statements > MAX_CACHED_STATEMENTS) {
            cache.clear();
            cachedStatements.set(0);
        }
        Entry old = cache.put(key, new Entry(c, statements, version, now, now));
        cachedStatements.addAndGet(statements - (old == null ? 0 : old.statements()));
        return c;
    }

    /** The documents that apply to a principal in a project, in evaluation order. */
    public List<PolicyDocument> documentsFor(Project project, PrincipalType type, String principalId) {
        List<PolicyDocument> docs = new ArrayList<>();
        if (project.isOwner(type, principalId)) {
            docs.add(BuiltInRoles.allowAll("implicit:owner"));
        }
        Optional<PrincipalInfo> info = directory.find(type, principalId);
        if (info.isPresent() && info.get().instanceAdmin()) {
            docs.add(BuiltInRoles.allowAll("implicit:instance-admin"));
        }
        if (type == PrincipalType.USER || type == PrincipalType.IDENTITY) {
            Optional<OrgMembership> m = organizations.findMembership(project.orgId(), type, principalId);
            if (m.isPresent() && OrgRoles.ADMIN.equals(m.get().role())) {
                docs.add(BuiltInRoles.allowAll("implicit:org-admin"));
            }
        }
        Optional<ProjectMember> member = projects.findMember(project.id(), type, principalId);
        if (member.isPresent()) {
            for (String role : member.get().roles()) {
                Optional<PolicyDocument> doc = BuiltInRoles.find(role)
                        .or(() -> projects.findRole(project.id(), role).map(r -> r.policy()));
                doc.ifPresent(docs::add);
            }
        }
        projects.findPolicy(project.id(), type, principalId).ifPresent(docs::add);
        return docs;
    }
}
