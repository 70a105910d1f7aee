package io.latchkey.core.secrets;

import io.latchkey.core.error.ErrorCategory;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.project.Environment;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.project.ProjectService;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.TtlCache;
import io.latchkey.core.token.TokenUse;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Resolves what a request names (project by id or slug, environment slug, folder path) into a
 * {@link SecretScope}, answering "not found" in the spec's terms for anything unknown or hidden.
 *
 * <p>Caching, for the read hot path: "may this actor see this project" (in {@link ProjectService}) and a
 * project's environments are remembered for {@link #TTL}, the same bound {@link io.latchkey.core.authz.AccessControl} gives policy
 * changes, so a read costs no lookups besides the secret's own row. Only positive answers are cached (an
 * environment created a moment ago is found at once); writes pass {@code fresh} and always ask storage, so a
 * stale entry can at worst let a read see a project or environment up to a second after it was removed
 * (its secrets are removed with it).
 *
 * @since 0.1
 */
public final class SecretScopes {
    static final Duration TTL = Duration.ofSeconds(1);
    static final int MAX_CACHED = 50_000;

    private final ProjectService projects;
    private final ProjectRepository repository;
    private final FolderRepository folders;
    private final Clock clock;
    private final TtlCache<String, List<Environment>> environments;

    public SecretScopes(ProjectService projects, ProjectRepository repository, FolderRepository folders, Clock clock) {
        this.projects = Require.nonNull(projects, "projects");
        this.repository = Require.nonNull(repository, "repository");
        this.folders = Require.nonNull(folders, "folders");
        this.clock = Require.nonNull(clock, "clock");
        this.environments = new TtlCache<>(TTL, MAX_CACHED, clock);
    }

    /** Project, environment and an existing folder. */
    public SecretScope resolve(Actor actor, SecretLocation location, boolean fresh) {
        SecretScope scope = resolveEnvironment(actor, location, fresh);
        requireFolder(scope.environment(), scope.path());
        return scope;
    }

    /** Project and environment; the folder need not exist. */
    public SecretScope resolveEnvironment(Actor actor, SecretLocation location, boolean fresh) {
        Project p = project(actor, location.projectId(), location.projectSlug(), fresh);
        return new SecretScope(p, environment(p, location.environment(), fresh), location.path());
    }

    /**
     * The project named by id (or, without an id, by slug within the actor's organization), hidden unless the
     * actor may see it; a project-scoped token only reaches its own project.
     */
    public Project project(Actor actor, String projectId, String projectSlug, boolean fresh) {
        String id = projectId;
        if (id == null || id.isBlank()) {
            if (projectSlug == null || projectSlug.isBlank()) {
                throw LatchkeyException.missingField("workspaceId");
            }
            id = repository.findBySlug(actor.orgId() == null ? "" : actor.orgId(), projectSlug)
                    .orElseThrow(() -> LatchkeyException.notFound("project", projectSlug)).id();
        }
        if (actor.token() != null && actor.token().use() == TokenUse.PROJECT && !id.equals(actor.projectId())) {
            throw LatchkeyException.notFound("project", id);
        }
        return projects.visible(actor, id, fresh);
    }

    /**
     * The project of a resource that was found by its own id. When the caller may not see that project the
     * answer is "no such {@code resource}", exactly the answer for an id that names nothing: a foreign id
     * must not reveal that it exists (issue 9, tenant isolation matrix).
     */
    public Project projectOf(Actor actor, String projectId, boolean fresh, String resource, String resourceId) {
        try {
            return project(actor, projectId, null, fresh);
        } catch (LatchkeyException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                throw LatchkeyException.notFound(resource, resourceId);
            }
            throw e;
        }
    }

    /** The environment with this slug; 404 naming the slug when the project has none. */
    public Environment environment(Project project, String slug, boolean fresh) {
        if (slug == null || slug.isBlank()) {
            throw LatchkeyException.missingField("environment");
        }
        return findEnvironment(project, slug, fresh).orElseThrow(() -> LatchkeyException.notFound("environment", slug));
    }

    public Optional<Environment> findEnvironment(Project project, String slug, boolean fresh) {
        Optional<Environment> hit = fresh ? Optional.empty() : cachedEnvironments(project).stream()
                .filter(e -> e.slug().equals(slug)).findFirst();
        return hit.isPresent() ? hit : reloadEnvironments(project).stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    /** An environment of the project by id (for rendering); 404 when the project has none with that id. */
    public Environment environmentById(Project project, String environmentId) {
        Optional<Environment> hit = cachedEnvironments(project).stream().filter(e -> e.id().equals(environmentId)).findFirst();
        return hit.or(() -> reloadEnvironments(project).stream().filter(e -> e.id().equals(environmentId)).findFirst())
                .orElseThrow(() -> LatchkeyException.notFound("environment", environmentId));
    }

    /** 404 naming the path unless it is the root or an existing folder. */
    public void requireFolder(Environment environment, SecretPath path) {
        if (!path.isRoot() && folders.find(environment.id(), path).isEmpty()) {
            throw LatchkeyException.notFound("folder", path.value());
        }
    }

    private List<Environment> cachedEnvironments(Project project) {
        List<Environment> hit = environments.get(project.id());
        return hit != null ? hit : reloadEnvironments(project);
    }

    private List<Environment> reloadEnvironments(Project project) {
        List<Environment> list = List.copyOf(repository.findEnvironments(project.id()));
        environments.put(project.id(), list);
        return list;
    }
}
