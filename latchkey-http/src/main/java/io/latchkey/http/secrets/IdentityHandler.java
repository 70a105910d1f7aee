package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.identity.IdentityService;
import io.latchkey.core.identity.IdentityService.IdentityView;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.SecretsAuthDtos.CreateIdentityRequest;
import io.latchkey.http.secrets.SecretsAuthDtos.IdentityDto;
import io.latchkey.http.secrets.SecretsAuthDtos.IdentityOrgMembershipDto;
import io.latchkey.http.secrets.SecretsAuthDtos.UpdateIdentityRequest;
import io.latchkey.http.secrets.WorkspaceDtos.IdentityProjectMembershipDto;
import io.latchkey.http.secrets.WorkspaceDtos.IdentityRef;

import java.util.List;
import java.util.Map;

/**
 * Machine identities (specs/infisical.md section 3.1, identity administration; seed 003 {@code identities}
 * and {@code organizationIdentities}): create, get, update, delete, search in an organization, and the
 * projects an identity belongs to. IAT or user JWT ({@link SecretsAuthModes#MANAGEMENT}).
 *
 * @since 0.1
 */
public final class IdentityHandler {
    static final int MAX_PAGE = 100;

    private final SecretsAuthServices services;
    private final Auth auth;

    public IdentityHandler(SecretsAuthServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void create(Context ctx) {
        Actor actor = auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
        CreateIdentityRequest in = JsonBodies.read(ctx, CreateIdentityRequest.class);
        IdentityView v = identities().create(actor, in.organizationId(), in.name(), in.role(),
                SecretsAuthDtos.metadata(in.metadata()), Requests.meta(ctx));
        ctx.json(Map.of("identity", IdentityDto.of(v)));
    }

    public void get(Context ctx) {
        Actor actor = auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
        ctx.json(Map.of("identity", IdentityOrgMembershipDto.of(identities().get(actor, ctx.pathParam("identityId")))));
    }

    public void update(Context ctx) {
        Actor actor = auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
        UpdateIdentityRequest in = JsonBodies.read(ctx, UpdateIdentityRequest.class);
        IdentityView v = identities().update(actor, ctx.pathParam("identityId"), in.name(), in.role(),
                SecretsAuthDtos.metadata(in.metadata()), Requests.meta(ctx));
        ctx.json(Map.of("identity", IdentityDto.of(v)));
    }

    public void delete(Context ctx) {
        Actor actor = auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
        IdentityView v = identities().delete(actor, ctx.pathParam("identityId"), Requests.meta(ctx));
        ctx.json(Map.of("identity", IdentityDto.of(v)));
    }

    /** The projects an identity is a member of. */
    public void projectMemberships(Context ctx) {
        Actor actor = auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
        String identityId = ctx.pathParam("identityId");
        IdentityView v = identities().get(actor, identityId);
        IdentityRef ref = new IdentityRef(v.identity().id(), v.identity().name(), v.authMethods());
        List<IdentityProjectMembershipDto> out = identities().projectMemberships(actor, identityId).stream()
                .map(m -> IdentityProjectMembershipDto.of(m.member(), ref, m.project())).toList();
        ctx.json(Map.of("identityMemberships", out));
    }

    /** {@code GET /api/v1/organizations/{organizationId}/identities}: search by name. */
    public void search(Context ctx) {
        ctx.json(page(ctx, "identities"));
    }

    /** {@code GET /api/v2/organizations/{orgId}/identity-memberships}. */
    public void orgMemberships(Context ctx) {
        ctx.json(page(ctx, "identityMemberships"));
    }

    private Map<String, Object> page(Context ctx, String key) {
        Actor actor = auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
        String orgId = ctx.pathParamMap().containsKey("organizationId") ? ctx.pathParam("organizationId") : ctx.pathParam("orgId");
        int offset = offset(ctx);
        int limit = limit(ctx, MAX_PAGE);
        String search = ctx.queryParam("search") != null ? ctx.queryParam("search") : ctx.queryParam("identityName");
        IdentityService.IdentityPage page = identities().search(actor, orgId, search, offset, limit);
        return Map.of(key, page.identities().stream().map(IdentityOrgMembershipDto::of).toList(),
                "totalCount", page.totalCount());
    }

    static int offset(Context ctx) {
        Integer v = Requests.intQuery(ctx, "offset", 0, Integer.MAX_VALUE);
        return v == null ? 0 : v;
    }

    static int limit(Context ctx, int max) {
        Integer v = Requests.intQuery(ctx, "limit", 1, max);
        return v == null ? Math.min(max, 100) : v;
    }

    private IdentityService identities() {
        return services.identities();
    }
}
