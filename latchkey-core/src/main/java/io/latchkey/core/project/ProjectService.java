package io.latchkey.core.project;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.authz.Aris;
import io.latchkey.core.crypto.RootKey;
import io.latchkey.core.crypto.SecretBox;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgMembership;
import io.latchkey.core.org.OrgRoles;
import io.latchkey.core.org.OrganizationRepository;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.TtlCache;
import io.latchkey.core.support.Validate;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Projects: create, read, list, update, delete. The creator owns the project (implicit full access); a
 * project gets the default environments and its own data key at creation. Reads of a project the caller
 * cannot see answer "not found", so ids of other tenants' projects are not confirmed.
 *
 * @since 0.1
 */
public final class ProjectService {
    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 1000;
    static final List<String[]> DEFAULT_ENVIRONMENTS = List.of(
            new String[] {"Development", "dev"}, new String[] {"Staging", "staging"}, new String[] {"Production", "prod"});

    private final Transactions transactions;
    private final ProjectRepository projects;
    private final OrganizationRepository organizations;
    private final AccessControl access;
    private final TokenService tokens;
    private final RootKey rootKey;
    private final AuditLog audit;
    private final Clock clock;
    /** Read-path answers of {@link #visible(Actor, String, boolean)}. */
    public static final Duration VISIBLE_TTL = Duration.ofSeconds(1);
    private final TtlCache<String, Project> visibleCache;

    public ProjectService(Transactions transactions, ProjectRepository projects, OrganizationRepository organizations,
                          AccessControl access, TokenService tokens, RootKey rootKey, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.projects = Require.nonNull(projects, "projects");
        this.organizations = Require.nonNull(organizations, "organizations");
        this.access = Require.nonNull(access, "access");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.rootKey = Require.nonNull(rootKey, "rootKey");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
        this.visibleCache = new TtlCache<>(VISIBLE_TTL, 50_000, clock);
    }

    /** What a new project looks like; {@code slug} and {@code type} are optional. */
    public record NewProject(String name, String description, ProjectType type, String slug, boolean withDefaultEnvironments) {
    }

    public Project create(Actor actor, NewProject req, RequestMeta meta) {
        String name = Validate.name(req.name(), "name", MAX_NAME);
        String description = Validate.optionalText(req.description(), "description", MAX_DESCRIPTION);
        String orgId = requireCreator(actor);
        if (req.slug() != null && (!Validate.isSlug(req.slug()) || req.slug().length() < 3 || req.slug().length() > 36)) {
            throw LatchkeyException.invalidField("slug", "slug must be 3 to 36 lower-case letters, digits and dashes");
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            String id = Ids.projectId();
            String slug = req.slug() != null ? req.slug() : uniqueSlug(orgId, name);
            byte[] dataKey = rootKey.wrap(SecretBox.newKey(), "project-data-key:" + id);
            Project p = new Project(id, orgId, name, slug, description,
                    req.type() == null ? ProjectType.SECRET_MANAGER : req.type(), actor.type(), actor.id(), false,
                    dataKey, 0, now, now);
            projects.insert(p);
            if (req.withDefaultEnvironments()) {
                int position = 1;
                for (String[] env : DEFAULT_ENVIRONMENTS) {
                    projects.insertEnvironment(new Environment(Ids.uuid(), id, env[0], env[1], position++, now, now));
                }
            }
            audit.record(AuditRecord.builder("project.create", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(orgId).project(id).target("project", id).detail("name", name));
            return p;
        });
    }

    private String requireCreator(Actor actor) {
        if (actor.orgId() == null) {
            throw LatchkeyException.forbidden("a principal outside any organization cannot create projects");
        }
        if (actor.type() == PrincipalType.USER || actor.type() == PrincipalType.IDENTITY) {
            Optional<OrgMembership> m = organizations.findMembership(actor.orgId(), actor.type(), actor.id());
            if (!actor.instanceAdmin() && (m.isEmpty() || OrgRoles.NO_ACCESS.equals(m.get().role()))) {
                throw LatchkeyException.forbidden("your organization role does not allow creating projects");
            }
        }
        return actor.orgId();
    }

    private String uniqueSlug(String orgId, String name) {
        String base = Validate.slugify(name, 30);
        String slug = base.length() < 3 ? base + "-" + Ids.alphanumeric(4).toLowerCase(java.util.Locale.ROOT) : base;
        while (projects.findBySlug(orgId, slug).isPresent()) {
            slug = base + "-" + Ids.alphanumeric(5).toLowerCase(java.util.Locale.ROOT);
        }
        return slug;
    }

    /** A project the actor may see ({@code iam:GetProject}); "not found" otherwise. */
    public Project get(Actor actor, String projectId, RequestMeta meta) {
        Project p = visible(actor, projectId);
        access.require(actor, p, "iam:GetProject", Aris.project(p.id()), meta);
        return p;
    }

    /** Loads a project without access checks (for callers that established access another way). */
    public Project require(String projectId) {
        return projects.findById(projectId).orElseThrow(() -> LatchkeyException.notFound("project", projectId));
    }

    /** Loads a project and hides it unless the actor belongs to it or administers its organization. */
    public Project visible(Actor actor, String projectId) {
        Project p = projects.findById(projectId == null ? "" : projectId)
                .orElseThrow(() -> LatchkeyException.notFound("project", projectId));
        if (!canSee(actor, p)) {
            throw LatchkeyException.notFound("project", projectId);
        }
        return p;
    }

    /**
     * {@link #visible(Actor, String)} for read paths (secret reads, authorization checks): a positive
     * answer is remembered for {@link #VISIBLE_TTL}, the bound {@link AccessControl} gives policy changes, so
     * a read costs no project lookup. This node's own project changes clear it; another node's reach this
     * one within the TTL. {@code fresh} asks storage (writes pass it).
     */
    public Project visible(Actor actor, String projectId, boolean fresh) {
        String key = actor.type().wire() + "|" + actor.id() + "|" + projectId;
        Project hit = fresh ? null : visibleCache.get(key);
        if (hit != null) {
            return hit;
        }
        Project p = visible(actor, projectId);
        visibleCache.put(key, p);
        return p;
    }

    private boolean canSee(Actor actor, Project p) {
        if (actor.instanceAdmin() && p.orgId().equals(actor.orgId())) {
            return true;
        }
        if (access.belongsTo(p, actor.type(), actor.id())) {
            return true;
        }
        if (!p.orgId().equals(actor.orgId())) {
            return false;
        }
        return organizations.findMembership(p.orgId(), actor.type(), actor.id())
                .map(m -> OrgRoles.ADMIN.equals(m.role())).orElse(false);
    }

    /** Projects the actor owns or is a member of, ordered by id. */
    public List<Project> list(Actor actor, String afterId, int limit) {
        return projects.findForPrincipal(actor.type(), actor.id(), afterId, limit);
    }

    /** Absent members stay unchanged. */
    public Project update(Actor actor, String projectId, String name, String description, Boolean identityVerification,
                          RequestMeta meta) {
        Project p = visible(actor, projectId);
        access.require(actor, p, "iam:UpdateProject", Aris.project(p.id()), meta);
        String n = name == null ? p.name() : Validate.name(name, "name", MAX_NAME);
        String d = description == null ? p.description() : Validate.optionalText(description, "description", MAX_DESCRIPTION);
        boolean iv = identityVerification == null ? p.identityVerificationEnabled() : identityVerification;
        Project result = transactions.inTransaction(() -> {
            Project updated = p.with(n, d, iv, clock.instant());
            projects.update(updated);
            audit.record(AuditRecord.builder("project.update", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(p.orgId()).project(p.id()).target("project", p.id()));
            return updated;
        });
        visibleCache.clear();
        return result;
    }

    /**
     * Deletes a project with its environments, members, policies, roles and everything scoped to it, and
     * revokes every project-scoped token bound to it.
     */
    public Project delete(Actor actor, String projectId, RequestMeta meta) {
        Project p = visible(actor, projectId);
        access.require(actor, p, "iam:DeleteProject", Aris.project(p.id()), meta);
        transactions.run(() -> {
            projects.delete(p.id());
            tokens.revokeAllScopedTo(p.id());
            audit.record(AuditRecord.builder("project.delete", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(p.orgId()).project(p.id()).target("project", p.id()));
        });
        access.invalidate(p.id());
        visibleCache.clear();
        return p;
    }

    /** The project's environments in position order. */
    public List<Environment> environments(Project project) {
        return projects.findEnvironments(project.id());
    }

    /** Throws {@code not_found} naming the environment slug when it does not exist in the project. */
    public Environment environment(Project project, String slug) {
        return projects.findEnvironment(project.id(), slug)
                .orElseThrow(() -> LatchkeyException.notFound("environment", slug));
    }
}
