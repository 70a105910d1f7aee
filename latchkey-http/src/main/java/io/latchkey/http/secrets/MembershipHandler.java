package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.authz.BuiltInRoles;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.WorkspaceService;
import io.latchkey.core.project.WorkspaceService.IdentityMember;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.WorkspaceDtos.IdentityMembershipRequest;
import io.latchkey.http.secrets.WorkspaceDtos.IdentityProjectMembershipDto;
import io.latchkey.http.secrets.WorkspaceDtos.InviteUsersRequest;
import io.latchkey.http.secrets.WorkspaceDtos.RoleRequest;
import io.latchkey.http.secrets.WorkspaceDtos.UserProjectMembershipDto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Project memberships (specs/infisical.md section 7): MB1 adds users (named by email; {@code usernames}
 * are emails here) under {@code /api/v2/workspace/{projectId}/memberships}; MB2-MB4 add, list, read,
 * re-role and remove identities under {@code .../identity-memberships}. Roles are the built-in project
 * roles ({@code admin}, {@code member}, {@code viewer}, {@code no-access}) or custom roles of the project.
 * Temporary role assignments are not supported (422 naming the member). IAT or user JWT.
 *
 * @since 0.1
 */
public final class MembershipHandler {
    private final SecretsAuthServices services;
    private final Auth auth;

    public MembershipHandler(SecretsAuthServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    /** MB1 (the SDK's {@code projects().inviteMembers}). */
    public void addUsers(Context ctx) {
        Actor actor = actor(ctx);
        InviteUsersRequest in = JsonBodies.read(ctx, InviteUsersRequest.class);
        List<String> emails = new ArrayList<>();
        if (in.emails() != null) {
            emails.addAll(in.emails());
        }
        if (in.usernames() != null) {
            emails.addAll(in.usernames());
        }
        List<String> roles = in.roleSlugs() == null || in.roleSlugs().isEmpty() ? List.of(BuiltInRoles.MEMBER) : in.roleSlugs();
        List<UserProjectMembershipDto> out = workspaces().addUsers(actor, ctx.pathParam("projectId"), emails, roles,
                Requests.meta(ctx)).stream().map(m -> UserProjectMembershipDto.of(m.member())).toList();
        ctx.json(Map.of("memberships", out));
    }

    /** MB2. */
    public void addIdentity(Context ctx) {
        Actor actor = actor(ctx);
        IdentityMembershipRequest in = JsonBodies.readOptional(ctx, IdentityMembershipRequest.class,
                new IdentityMembershipRequest(null, null));
        IdentityMember m = workspaces().addIdentity(actor, ctx.pathParam("projectId"), ctx.pathParam("identityId"),
                roles(in), Requests.meta(ctx));
        respond(ctx, actor, m);
    }

    /** MB3. */
    public void listIdentities(Context ctx) {
        Actor actor = actor(ctx);
        String projectId = ctx.pathParam("projectId");
        int offset = IdentityHandler.offset(ctx);
        int limit = IdentityHandler.limit(ctx, IdentityHandler.MAX_PAGE);
        String role = ctx.queryParam("roles") == null ? null : SecretsAuthDtos.commaList(ctx.queryParam("roles")).stream()
                .findFirst().orElse(null);
        List<IdentityMember> all = workspaces().listIdentities(actor, projectId, ctx.queryParam("identityName"), role,
                Requests.meta(ctx));
        Project p = services.projects().visible(actor, projectId);
        List<IdentityProjectMembershipDto> page = all.stream().skip(offset).limit(limit)
                .map(m -> IdentityProjectMembershipDto.of(m, p)).toList();
        ctx.json(Map.of("identityMemberships", page, "totalCount", all.size()));
    }

    /** MB4 read. */
    public void getIdentity(Context ctx) {
        Actor actor = actor(ctx);
        respond(ctx, actor, workspaces().getIdentity(actor, ctx.pathParam("projectId"), ctx.pathParam("identityId"),
                Requests.meta(ctx)));
    }

    /** MB4 update: replaces the roles. */
    public void updateIdentity(Context ctx) {
        Actor actor = actor(ctx);
        IdentityMembershipRequest in = JsonBodies.read(ctx, IdentityMembershipRequest.class);
        respond(ctx, actor, workspaces().updateIdentity(actor, ctx.pathParam("projectId"), ctx.pathParam("identityId"),
                roles(in), Requests.meta(ctx)));
    }

    /** MB4 delete. */
    public void removeIdentity(Context ctx) {
        Actor actor = actor(ctx);
        respond(ctx, actor, workspaces().removeIdentity(actor, ctx.pathParam("projectId"), ctx.pathParam("identityId"),
                Requests.meta(ctx)));
    }

    private void respond(Context ctx, Actor actor, IdentityMember m) {
        Project p = services.projects().visible(actor, m.member().projectId());
        ctx.json(Map.of("identityMembership", IdentityProjectMembershipDto.of(m, p)));
    }

    /** The role slugs of {@code roles}, or the legacy single {@code role}. */
    static List<String> roles(IdentityMembershipRequest in) {
        if (in.roles() == null) {
            return in.role() == null ? null : List.of(in.role());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < in.roles().size(); i++) {
            RoleRequest r = in.roles().get(i);
            if (r == null || r.role() == null || r.role().isBlank()) {
                throw LatchkeyException.missingField("roles[" + i + "].role");
            }
            if (Boolean.TRUE.equals(r.isTemporary())) {
                throw LatchkeyException.invalidField("roles[" + i + "].isTemporary", "temporary access is not supported");
            }
            out.add(r.role());
        }
        return out;
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
    }

    private WorkspaceService workspaces() {
        return services.workspaces();
    }
}
