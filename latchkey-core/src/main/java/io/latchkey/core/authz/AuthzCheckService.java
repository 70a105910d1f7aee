package io.latchkey.core.authz;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectService;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The public authorization check: "may principal P do action A on resource R?", answered by the same
 * evaluator that guards Latchkey's own endpoints, with the statement that decided and a decision id that is
 * also written to the audit log. Callers may only ask about principals of projects they administer
 * ({@code iam:CheckAuthorization} on the project).
 *
 * <p>A check changes nothing, so its decision record is deferred ({@link AuditLog#recordDeferred}): written
 * in the next group commit without holding the answer for it. Listing the audit log first writes what is
 * queued, so a decision id just answered can be looked up at once.
 *
 * @since 0.1
 */
public final class AuthzCheckService {
    public static final int MAX_BATCH = 100;

    private final ProjectService projects;
    private final AccessControl access;
    private final AuditLog audit;

    public AuthzCheckService(ProjectService projects, AccessControl access, AuditLog audit) {
        this.projects = Require.nonNull(projects, "projects");
        this.access = Require.nonNull(access, "access");
        this.audit = Require.nonNull(audit, "audit");
    }

    /**
     * @param principal the principal's ARI ({@code ari:iam::<projectId>:<user|token|identity|accesskey>/<id>})
     * @param sourceIp optional context
     */
    public record Check(String principal, String action, String resource, String sourceIp, Instant time) {
    }

    /** The answer; {@code decision.deciding()} is null when no statement matched. */
    public record Result(String decisionId, String projectId, Decision decision) {
    }

    public Result check(Actor actor, Check check, RequestMeta meta) {
        return checkAll(actor, List.of(check), meta, "").get(0);
    }

    public List<Result> checkBatch(Actor actor, List<Check> checks, RequestMeta meta) {
        if (checks == null || checks.isEmpty()) {
            throw LatchkeyException.missingField("requests");
        }
        if (checks.size() > MAX_BATCH) {
            throw LatchkeyException.invalidField("requests", "at most " + MAX_BATCH + " checks per batch");
        }
        return checkAll(actor, checks, meta, "requests");
    }

    private List<Result> checkAll(Actor actor, List<Check> checks, RequestMeta meta, String prefix) {
        List<Result> out = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            String f = prefix.isEmpty() ? "" : prefix + "[" + i + "].";
            out.add(checkOne(actor, checks.get(i), meta, f));
        }
        return out;
    }

    private Result checkOne(Actor actor, Check c, RequestMeta meta, String f) {
        require(c.action(), f + "action");
        require(c.resource(), f + "resource");
        ParsedPrincipal p = parse(c.principal(), f + "principal");
        // A project the caller cannot see answers exactly like one that does not exist.
        Project project = projects.visible(actor, p.projectId(), false);
        if (actor.projectId() != null && !actor.projectId().equals(project.id())) {
            throw LatchkeyException.notFound("project", p.projectId());
        }
        access.require(actor, project, "iam:CheckAuthorization", Aris.project(project.id()), meta);
        Decision d = c.time() == null
                ? access.decide(project, p.type(), p.id(), c.action(), c.resource(), c.sourceIp())
                : access.decideAt(project, p.type(), p.id(), c.action(), c.resource(), c.sourceIp(), c.time());
        String decisionId = Ids.nonSecretUuid();
        audit.recordDeferred(AuditRecord.builder("authz.check", d.allowed() ? AuditOutcome.SUCCESS : AuditOutcome.DENIED)
                .actor(actor).meta(meta).org(project.orgId()).project(project.id())
                .target(p.type().wire(), p.id()).detail("decisionId", decisionId).detail("action", c.action())
                .detail("resource", c.resource()).detail("outcome", d.outcome().name())
                .detail("deciding", d.deciding() == null ? null : d.deciding().policyId() + "#" + d.deciding().index()));
        return new Result(decisionId, project.id(), d);
    }

    private record ParsedPrincipal(String projectId, PrincipalType type, String id) {
    }

    private static ParsedPrincipal parse(String ari, String field) {
        require(ari, field);
        String projectId = Aris.projectOf(ari);
        int colon = ari.lastIndexOf(':');
        int slash = ari.indexOf('/', colon);
        if (projectId == null || !ari.startsWith("ari:iam:") || slash < 0 || slash == ari.length() - 1) {
            throw LatchkeyException.invalidField(field, field + " must be an ARI like ari:iam::<projectId>:token/<id>");
        }
        String typeName = ari.substring(colon + 1, slash);
        for (PrincipalType t : PrincipalType.values()) {
            if (t.ariType().equals(typeName)) {
                return new ParsedPrincipal(projectId, t, ari.substring(slash + 1));
            }
        }
        throw LatchkeyException.invalidField(field, field + " names an unknown principal type " + typeName);
    }

    private static void require(String v, String field) {
        if (v == null || v.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
    }
}
