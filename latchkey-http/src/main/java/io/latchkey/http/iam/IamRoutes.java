package io.latchkey.http.iam;

import io.javalin.config.RoutesConfig;
import io.latchkey.core.support.Require;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.RouteGroup;
import io.latchkey.http.oauth2.TokenEndpointHandler;

/**
 * Routes of the IAM dialect (specs/affinidi-iam.md) and its native extensions: projects, principals,
 * policies, STS, personal access tokens, the OAuth2 token endpoint and the authorization check.
 *
 * <p>INVARIANT: the literal {@code /iam/v1/projects/principals} is registered before
 * {@code /iam/v1/projects/{projectId}} so that it wins (spec section 4.1 routing note).
 *
 * @since 0.1
 */
public final class IamRoutes implements RouteGroup {
    private final HttpServices services;
    private final IamServices iam;
    private final String publicUrl;

    public IamRoutes(HttpServices services, IamServices iam, String publicUrl) {
        this.services = Require.nonNull(services, "services");
        this.iam = Require.nonNull(iam, "iam");
        this.publicUrl = Require.nonBlank(publicUrl, "publicUrl");
    }

    @Override
    public void register(RoutesConfig r) {
        Auth auth = new Auth(services.authenticator());
        ProjectHandler projects = new ProjectHandler(iam, auth);
        TokenHandler tokens = new TokenHandler(iam, auth);
        StsHandler sts = new StsHandler(services, iam, auth);
        AuthzHandler authz = new AuthzHandler(iam, auth);
        TokenEndpointHandler tokenEndpoint = new TokenEndpointHandler(iam.clientAssertions(), services.metrics(), publicUrl);

        r.post("/iam/v1/projects/principals", projects::addPrincipal);
        r.get("/iam/v1/projects/principals", projects::listPrincipals);
        r.delete("/iam/v1/projects/principals/{principalId}", projects::removePrincipal);
        r.post("/iam/v1/projects", projects::create);
        r.get("/iam/v1/projects", projects::list);
        r.get("/iam/v1/projects/{projectId}", projects::get);
        r.patch("/iam/v1/projects/{projectId}", projects::update);
        r.delete("/iam/v1/projects/{projectId}", projects::delete);

        r.get("/iam/v1/policies/principals/{principalId}", projects::getPolicy);
        r.put("/iam/v1/policies/principals/{principalId}", projects::putPolicy);

        r.post("/iam/v1/sts/create-project-scoped-token", sts::createProjectScopedToken);
        r.get("/iam/v1/sts/whoami", sts::whoami);

        r.post("/iam/v1/tokens", tokens::create);
        r.get("/iam/v1/tokens", tokens::list);
        r.get("/iam/v1/tokens/{tokenId}", tokens::get);
        r.patch("/iam/v1/tokens/{tokenId}", tokens::update);
        r.delete("/iam/v1/tokens/{tokenId}", tokens::delete);
        r.get("/iam/v1/tokens/{tokenId}/projects", tokens::projects);

        r.post("/iam/v1/authz/check", authz::check);
        r.post("/iam/v1/authz/check-batch", authz::checkBatch);

        r.post(TokenEndpointHandler.PATH, tokenEndpoint::token);
    }
}
