package io.latchkey.core.project;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.authz.Aris;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A project's environments (specs/infisical.md section 6, E1-E4): create, read, list, update, delete.
 * Access goes through the project's policies with the actions {@code secrets:CreateEnvironment},
 * {@code secrets:UpdateEnvironment}, {@code secrets:DeleteEnvironment} and {@code secrets:GetEnvironment}
 * on {@code ari:secrets::<projectId>:environment/<slug>} (the built-in member role may manage them, the
 * viewer role may read them, as in the vendor's product).
 *
 * @since 0.1
 */
public final class EnvironmentService {
    public static final int MAX_NAME = 64;
    public static final int MAX_SLUG = 64;
    public static final int MAX_POSITION = 10_000;

    private final Transactions transactions;
    private final ProjectRepository projects;
    private final ProjectService projectService;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    public EnvironmentService(Transactions transactions, ProjectRepository projects, ProjectService projectService,
                              AccessControl access, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.projects = Require.nonNull(projects, "projects");
        this.projectService = Require.nonNull(projectService, "projectService");
        this.access = Require.nonNull(access, "access");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** @param position 1-based place in the list; null appends */
    public Environment create(Actor actor, String projectId, String name, String slug, Integer position, RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        String n = Validate.name(name, "name", MAX_NAME);
        String s = slug(slug);
        access.require(actor, p, "secrets:CreateEnvironment", ari(p, s), meta);
        return transactions.inTransaction(() -> {
            List<Environment> existing = projects.findEnvironments(p.id());
            requireFreeSlug(existing, s, null);
            int pos = position == null ? existing.stream().mapToInt(Environment::position).max().orElse(0) + 1 : position(position);
            Instant now = clock.instant();
            Environment e = new Environment(Ids.uuid(), p.id(), n, s, pos, now, now);
            projects.insertEnvironment(e);
            record(actor, p, e, "environment.create", meta);
            return e;
        });
    }

    public Environment get(Actor actor, String projectId, String environmentId, RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        Environment e = find(p, environmentId);
        access.require(actor, p, "secrets:GetEnvironment", ari(p, e.slug()), meta);
        return e;
    }

    public List<Environment> list(Actor actor, String projectId, RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        access.require(actor, p, "secrets:GetEnvironment", ari(p, "*"), meta);
        return projects.findEnvironments(p.id());
    }

    /** Absent members stay unchanged. */
    public Environment update(Actor actor, String projectId, String environmentId, String name, String slug,
                              Integer position, RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        Environment current = find(p, environmentId);
        access.require(actor, p, "secrets:UpdateEnvironment", ari(p, current.slug()), meta);
        String n = name == null ? current.name() : Validate.name(name, "name", MAX_NAME);
        String s = slug == null ? current.slug() : slug(slug);
        int pos = position == null ? current.position() : position(position);
        return transactions.inTransaction(() -> {
            requireFreeSlug(projects.findEnvironments(p.id()), s, current.id());
            Environment updated = new Environment(current.id(), p.id(), n, s, pos, current.createdAt(), clock.instant());
            projects.updateEnvironment(updated);
            record(actor, p, updated, "environment.update", meta);
            return updated;
        });
    }

    public Environment delete(Actor actor, String projectId, String environmentId, RequestMeta meta) {
        Project p = projectService.visible(actor, projectId);
        Environment e = find(p, environmentId);
        access.require(actor, p, "secrets:DeleteEnvironment", ari(p, e.slug()), meta);
        transactions.run(() -> {
            projects.deleteEnvironment(p.id(), e.id());
            record(actor, p, e, "environment.delete", meta);
        });
        return e;
    }

    private Environment find(Project p, String environmentId) {
        return projects.findEnvironmentById(p.id(), environmentId == null ? "" : environmentId)
                .orElseThrow(() -> LatchkeyException.notFound("environment", environmentId));
    }

    private static void requireFreeSlug(List<Environment> existing, String slug, String exceptId) {
        if (existing.stream().anyMatch(e -> e.slug().equals(slug) && !e.id().equals(exceptId))) {
            throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "slug",
                    "an environment with the slug " + slug + " already exists in the project");
        }
    }

    private static String slug(String slug) {
        if (slug == null || slug.isBlank()) {
            throw LatchkeyException.missingField("slug");
        }
        if (slug.length() > MAX_SLUG || !Validate.isSlug(slug)) {
            throw LatchkeyException.invalidField("slug", "slug must be lower-case letters, digits and dashes, at most "
                    + MAX_SLUG + " characters");
        }
        return slug;
    }

    private static int position(int position) {
        if (position < 1 || position > MAX_POSITION) {
            throw LatchkeyException.invalidField("position", "position must be between 1 and " + MAX_POSITION);
        }
        return position;
    }

    private static String ari(Project p, String slug) {
        return Aris.resource("secrets", p.id(), "environment", slug);
    }

    private void record(Actor actor, Project p, Environment e, String action, RequestMeta meta) {
        audit.record(AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(p.orgId())
                .project(p.id()).target("environment", e.id()).detail("slug", e.slug()));
    }
}
