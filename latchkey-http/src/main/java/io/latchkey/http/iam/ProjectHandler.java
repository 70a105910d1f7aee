package io.latchkey.http.iam;

import io.javalin.http.Context;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectMember;
import io.latchkey.core.project.ProjectService;
import io.latchkey.core.project.ProjectType;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Pages;
import io.latchkey.http.common.Requests;
import io.latchkey.http.iam.IamDtos.AddUserToProjectInput;
import io.latchkey.http.iam.IamDtos.CreateProjectInput;
import io.latchkey.http.iam.IamDtos.PolicyDto;
import io.latchkey.http.iam.IamDtos.PrincipalRecord;
import io.latchkey.http.iam.IamDtos.ProjectDto;
import io.latchkey.http.iam.IamDtos.ProjectList;
import io.latchkey.http.iam.IamDtos.UpdateProjectInput;
import io.latchkey.http.iam.IamDtos.UserList;

import java.util.List;

/**
 * Projects, principals and policies of the IAM dialect (specs/affinidi-iam.md sections 4.1 and 4.2), plus
 * project deletion (a Latchkey extension). P1-P4 take a user token (or a personal access token's session);
 * P5-P7 and PO1-PO2 take a project-scoped token and act on its project.
 *
 * @since 0.1
 */
public final class ProjectHandler {
    private final IamServices iam;
    private final Auth auth;

    public ProjectHandler(IamServices iam, Auth auth) {
        this.iam = Require.nonNull(iam, "iam");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void create(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        CreateProjectInput in = JsonBodies.read(ctx, CreateProjectInput.class);
        ProjectType type = in.type() == null ? null : ProjectType.fromWire(in.type(), "type");
        Project p = iam.projects().create(actor, new ProjectService.NewProject(in.name(), in.description(), type, in.slug(), true),
                Requests.meta(ctx));
        ctx.json(ProjectDto.of(p));
    }

    public void list(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        int limit = Pages.limit(ctx);
        Pages.Page<Project> page = Pages.of(iam.projects().list(actor, Pages.after(ctx), limit + 1), limit, Project::id);
        ctx.json(new ProjectList(page.items().stream().map(ProjectDto::of).toList(), page.lastEvaluatedKey()));
    }

    public void get(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        ctx.json(ProjectDto.of(iam.projects().get(actor, ctx.pathParam("projectId"), Requests.meta(ctx))));
    }

    public void update(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        UpdateProjectInput in = JsonBodies.read(ctx, UpdateProjectInput.class);
        Project p = iam.projects().update(actor, ctx.pathParam("projectId"), in.name(), in.description(),
                in.identityVerificationEnabled(), Requests.meta(ctx));
        ctx.json(ProjectDto.of(p));
    }

    public void delete(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        iam.projects().delete(actor, ctx.pathParam("projectId"), Requests.meta(ctx));
        ctx.status(204);
    }

    public void addPrincipal(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.PROJECT);
        AddUserToProjectInput in = JsonBodies.read(ctx, AddUserToProjectInput.class);
        PrincipalType type = principalType(in.principalType(), "principalType");
        iam.members().add(actor, project(actor), type, in.principalId(), List.of(), Requests.meta(ctx));
        ctx.status(204);
    }

    public void listPrincipals(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.PROJECT);
        int limit = Pages.limit(ctx);
        List<ProjectMember> fetched = iam.members().list(actor, project(actor), Pages.after(ctx), limit + 1, Requests.meta(ctx));
        Pages.Page<ProjectMember> page = Pages.of(fetched, limit, m -> m.principalType().wire() + "|" + m.principalId());
        ctx.json(new UserList(page.items().stream()
                .map(m -> new PrincipalRecord(m.principalId(), m.principalType().wire())).toList(), page.lastEvaluatedKey()));
    }

    public void removePrincipal(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.PROJECT);
        PrincipalType type = principalType(Requests.requireQuery(ctx, "principalType"), "principalType");
        iam.members().remove(actor, project(actor), type, ctx.pathParam("principalId"), Requests.meta(ctx));
        ctx.status(204);
    }

    public void getPolicy(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.PROJECT);
        PrincipalType type = principalType(Requests.requireQuery(ctx, "principalType"), "principalType");
        String principalId = ctx.pathParam("principalId");
        Project p = project(actor);
        PolicyDocument d = iam.members().getPolicy(actor, p, type, principalId, Requests.meta(ctx));
        ctx.json(PolicyDto.of(d, principalId, p.id()));
    }

    public void putPolicy(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.PROJECT);
        PrincipalType type = principalType(Requests.requireQuery(ctx, "principalType"), "principalType");
        String principalId = ctx.pathParam("principalId");
        PolicyDto in = JsonBodies.read(ctx, PolicyDto.class);
        Project p = project(actor);
        PolicyDocument stored = iam.members().putPolicy(actor, p, type, principalId, in.toDocument(), Requests.meta(ctx));
        ctx.json(PolicyDto.of(stored, principalId, p.id()));
    }

    private Project project(Actor actor) {
        return iam.projects().visible(actor, actor.projectId());
    }

    static PrincipalType principalType(String value, String field) {
        if (value == null || value.isBlank()) {
            throw io.latchkey.core.error.LatchkeyException.missingField(field);
        }
        return PrincipalType.fromWire(value, field);
    }
}
