package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectService;
import io.latchkey.core.project.ProjectType;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.WorkspaceDtos.CreateProjectRequest;
import io.latchkey.http.secrets.WorkspaceDtos.ProjectDto;
import io.latchkey.http.secrets.WorkspaceDtos.UpdateProjectRequest;

import java.util.List;
import java.util.Map;

/**
 * Projects ("workspaces", specs/infisical.md section 6): W1 create ({@code POST /api/v2/workspace}, the
 * SDK's {@code projects().create}), W2 list, W3 get, update, W4 delete under {@code /api/v1/workspace}, and
 * the same under {@code /api/v1/projects} with {@code project}/{@code projects} keys. The project is the
 * IAM dialect's project: {@code workspaceId} is its id. IAT or user JWT.
 *
 * @since 0.1
 */
public final class WorkspaceHandler {
    static final String DEFAULT_TEMPLATE = "default";

    private final SecretsAuthServices services;
    private final Auth auth;

    public WorkspaceHandler(SecretsAuthServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    /** W1: the creator becomes the project's admin; template {@code default} makes dev, staging and prod. */
    public void create(Context ctx) {
        Actor actor = actor(ctx);
        CreateProjectRequest in = JsonBodies.read(ctx, CreateProjectRequest.class);
        if (in.projectName() == null || in.projectName().isBlank()) {
            throw LatchkeyException.missingField("projectName");
        }
        if (in.template() != null && !DEFAULT_TEMPLATE.equals(in.template())) {
            throw LatchkeyException.invalidField("template", "template must be default");
        }
        ProjectType type = in.type() == null ? ProjectType.SECRET_MANAGER : ProjectType.fromWire(in.type(), "type");
        Project p = services.workspaces().create(actor, new ProjectService.NewProject(in.projectName(),
                in.projectDescription(), type, in.slug(), true), Requests.meta(ctx));
        ctx.json(Map.of("project", dto(p)));
    }

    /** W2 ({@code key} is {@code workspaces}, or {@code projects} on the newer path). */
    public void list(Context ctx, String key) {
        Actor actor = actor(ctx);
        List<ProjectDto> out = services.projects().list(actor, null, 1000).stream().map(this::dto).toList();
        ctx.json(Map.of(key, out));
    }

    /** W3 ({@code key} is {@code workspace} or {@code project}). */
    public void get(Context ctx, String key) {
        Actor actor = actor(ctx);
        ctx.json(Map.of(key, dto(services.projects().get(actor, projectId(ctx), Requests.meta(ctx)))));
    }

    public void update(Context ctx, String key) {
        Actor actor = actor(ctx);
        UpdateProjectRequest in = JsonBodies.read(ctx, UpdateProjectRequest.class);
        Project p = services.projects().update(actor, projectId(ctx), in.name(), in.description(), null, Requests.meta(ctx));
        ctx.json(Map.of(key, dto(p)));
    }

    /** W4: answers with the project as it was. */
    public void delete(Context ctx, String key) {
        Actor actor = actor(ctx);
        Project p = services.projects().visible(actor, projectId(ctx));
        ProjectDto before = dto(p);
        services.projects().delete(actor, p.id(), Requests.meta(ctx));
        ctx.json(Map.of(key, before));
    }

    static String projectId(Context ctx) {
        return ctx.pathParam("workspaceId");
    }

    private ProjectDto dto(Project p) {
        return ProjectDto.of(p, services.projects().environments(p));
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
    }
}
