package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.project.Environment;
import io.latchkey.core.project.EnvironmentService;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.WorkspaceDtos.EnvironmentChange;
import io.latchkey.http.secrets.WorkspaceDtos.EnvironmentDto;
import io.latchkey.http.secrets.WorkspaceDtos.EnvironmentRequest;

import java.util.Map;

/**
 * Environments of a project (specs/infisical.md section 6): E1 create (the SDK's
 * {@code environments().create}, which also sends {@code projectId} in the body: ignored, the path wins),
 * E2 get, list, E3 update, E4 delete under {@code /api/v1/workspace/{workspaceId}/environments}. IAT or
 * user JWT.
 *
 * @since 0.1
 */
public final class EnvironmentHandler {
    private static final EnvironmentRequest EMPTY = new EnvironmentRequest(null, null, null);

    private final SecretsAuthServices services;
    private final Auth auth;

    public EnvironmentHandler(SecretsAuthServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void create(Context ctx) {
        Actor actor = actor(ctx);
        EnvironmentRequest in = JsonBodies.read(ctx, EnvironmentRequest.class);
        Environment e = environments().create(actor, WorkspaceHandler.projectId(ctx), in.name(), in.slug(), in.position(),
                Requests.meta(ctx));
        ctx.json(EnvironmentChange.of("Successfully created new environment", e));
    }

    public void list(Context ctx) {
        Actor actor = actor(ctx);
        ctx.json(Map.of("environments", environments().list(actor, WorkspaceHandler.projectId(ctx), Requests.meta(ctx))
                .stream().map(EnvironmentDto::of).toList()));
    }

    public void get(Context ctx) {
        Actor actor = actor(ctx);
        Environment e = environments().get(actor, WorkspaceHandler.projectId(ctx), ctx.pathParam("environmentId"),
                Requests.meta(ctx));
        ctx.json(Map.of("environment", EnvironmentDto.of(e)));
    }

    public void update(Context ctx) {
        Actor actor = actor(ctx);
        EnvironmentRequest in = JsonBodies.readOptional(ctx, EnvironmentRequest.class, EMPTY);
        Environment e = environments().update(actor, WorkspaceHandler.projectId(ctx), ctx.pathParam("environmentId"),
                in.name(), in.slug(), in.position(), Requests.meta(ctx));
        ctx.json(EnvironmentChange.of("Successfully updated environment", e));
    }

    public void delete(Context ctx) {
        Actor actor = actor(ctx);
        Environment e = environments().delete(actor, WorkspaceHandler.projectId(ctx), ctx.pathParam("environmentId"),
                Requests.meta(ctx));
        ctx.json(EnvironmentChange.of("Successfully deleted environment", e));
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
    }

    private EnvironmentService environments() {
        return services.environments();
    }
}
