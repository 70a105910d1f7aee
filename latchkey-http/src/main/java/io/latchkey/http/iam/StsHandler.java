package io.latchkey.http.iam;

import io.javalin.http.Context;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.IssuedToken;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.iam.IamDtos.CreateProjectScopedTokenInput;
import io.latchkey.http.iam.IamDtos.CreateProjectScopedTokenOutput;
import io.latchkey.http.iam.IamDtos.WhoamiDto;

/**
 * STS (specs/affinidi-iam.md section 4.3): S1 project-scoped tokens for users and personal access tokens
 * that belong to the project, S2 whoami for every token kind.
 *
 * @since 0.1
 */
public final class StsHandler {
    private final HttpServices services;
    private final IamServices iam;
    private final Auth auth;

    public StsHandler(HttpServices services, IamServices iam, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.iam = Require.nonNull(iam, "iam");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void createProjectScopedToken(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        CreateProjectScopedTokenInput in = JsonBodies.read(ctx, CreateProjectScopedTokenInput.class);
        IssuedToken t = iam.sts().createProjectScopedToken(actor, in.projectId(), Requests.meta(ctx));
        services.metrics().tokenIssued("project");
        ctx.header("Cache-Control", "no-store");
        ctx.json(new CreateProjectScopedTokenOutput(t.value(), t.expiresInSeconds(), t.scope()));
    }

    public void whoami(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.ANY);
        ctx.json(new WhoamiDto(actor.id(), actor.type().wire(), actor.projectId(), actor.token().use().claim(),
                actor.token().expiresAt() == null ? null : actor.token().expiresAt().toString()));
    }
}
