package io.latchkey.http.iam;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.pat.PersonalAccessToken;
import io.latchkey.core.pat.PublicKeyInfo;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.project.Project;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Pages;
import io.latchkey.http.common.Requests;
import io.latchkey.http.iam.IamDtos.AuthenticationMethodDto;
import io.latchkey.http.iam.IamDtos.CreateTokenInput;
import io.latchkey.http.iam.IamDtos.PolicyDto;
import io.latchkey.http.iam.IamDtos.ProjectWithPolicy;
import io.latchkey.http.iam.IamDtos.ProjectWithPolicyList;
import io.latchkey.http.iam.IamDtos.TokenDto;
import io.latchkey.http.iam.IamDtos.TokenList;
import io.latchkey.http.iam.IamDtos.UpdateTokenInput;

import java.util.ArrayList;
import java.util.List;

/**
 * Personal access tokens (specs/affinidi-iam.md section 4.4, T1-T6). User tokens only; a user sees and
 * manages only its own tokens.
 *
 * @since 0.1
 */
public final class TokenHandler {
    private final IamServices iam;
    private final Auth auth;

    public TokenHandler(IamServices iam, Auth auth) {
        this.iam = Require.nonNull(iam, "iam");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void create(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        CreateTokenInput in = JsonBodies.read(ctx, CreateTokenInput.class);
        AuthenticationMethodDto m = in.authenticationMethod();
        if (m == null) {
            throw LatchkeyException.missingField("authenticationMethod");
        }
        checkType(m.type());
        if (m.publicKeyInfo() == null) {
            throw LatchkeyException.missingField("authenticationMethod.publicKeyInfo");
        }
        JwsAlgorithm alg = JwsAlgorithm.parse(m.signingAlgorithm(), "authenticationMethod.signingAlgorithm");
        PublicKeyInfo keys = m.publicKeyInfo().toInfo("authenticationMethod.publicKeyInfo");
        PersonalAccessToken t = iam.tokens().create(actor, in.name(), in.description(), alg, keys, Requests.meta(ctx));
        ctx.json(TokenDto.of(t));
    }

    public void list(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        int limit = Pages.limit(ctx);
        Pages.Page<PersonalAccessToken> page = Pages.of(iam.tokens().list(actor, Pages.after(ctx), limit + 1), limit,
                PersonalAccessToken::id);
        ctx.json(new TokenList(page.items().stream().map(TokenDto::of).toList(), page.lastEvaluatedKey()));
    }

    public void get(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        ctx.json(TokenDto.of(iam.tokens().get(actor, ctx.pathParam("tokenId"))));
    }

    public void update(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        UpdateTokenInput in = JsonBodies.read(ctx, UpdateTokenInput.class);
        AuthenticationMethodDto m = in.authenticationMethod();
        JwsAlgorithm alg = null;
        PublicKeyInfo keys = null;
        if (m != null) {
            if (m.type() != null) {
                checkType(m.type());
            }
            alg = m.signingAlgorithm() == null ? null : JwsAlgorithm.parse(m.signingAlgorithm(), "authenticationMethod.signingAlgorithm");
            keys = m.publicKeyInfo() == null ? null : m.publicKeyInfo().toInfo("authenticationMethod.publicKeyInfo");
        }
        PersonalAccessToken t = iam.tokens().update(actor, ctx.pathParam("tokenId"), in.name(), alg, keys, Requests.meta(ctx));
        ctx.json(TokenDto.of(t));
    }

    public void delete(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        iam.tokens().delete(actor, ctx.pathParam("tokenId"), Requests.meta(ctx));
        ctx.status(204);
    }

    public void projects(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        String tokenId = ctx.pathParam("tokenId");
        int limit = Pages.limit(ctx);
        List<String> ids = iam.tokens().projectIds(actor, tokenId, Pages.after(ctx), limit + 1);
        Pages.Page<String> page = Pages.of(ids, limit, id -> id);
        List<ProjectWithPolicy> out = new ArrayList<>();
        for (String projectId : page.items()) {
            Project p = iam.projects().require(projectId);
            out.add(new ProjectWithPolicy(p.id(), p.name(),
                    PolicyDto.of(iam.members().policyOrEmpty(p, PrincipalType.TOKEN, tokenId), tokenId, p.id())));
        }
        ctx.json(new ProjectWithPolicyList(out, page.lastEvaluatedKey()));
    }

    private static void checkType(String type) {
        if (!"PRIVATE_KEY".equals(type)) {
            throw LatchkeyException.invalidField("authenticationMethod.type", "authenticationMethod.type must be PRIVATE_KEY");
        }
    }
}
