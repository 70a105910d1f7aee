package io.latchkey.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The isolation matrix: one entry per route of the running server, keyed {@code "METHOD /path/{param}"}
 * exactly as the route table spells it. {@link TenantIsolationMatrixTest} fails when a route has no entry,
 * so a new endpoint cannot ship without saying how a foreign tenant is kept out of it.
 *
 * <p>Entry kinds:
 * <ul>
 *   <li>{@link Kind#TARGET}: the call names the victim's resources (a path id, a project in the query or
 *       body); every attacker must fail, and its answer must equal, after the ids are masked, the answer for
 *       random ids of the same shape that name nothing. {@link Scope#ORGANIZATION} targets are
 *       organization-level objects, which the second project (same organization) legitimately shares, so
 *       only the second organization attacks them.</li>
 *   <li>{@link Kind#FILTER}: a search whose filter names the victim's project: the answer may be a
 *       success, but it must equal the answer for a missing id (an empty result) and carry nothing of the
 *       victim's.</li>
 *   <li>{@link Kind#SELF}: the call acts on the caller's own tenant (lists, creation in its own project);
 *       any status is allowed, but no answer may carry a victim id or name.</li>
 *   <li>{@link Kind#ADMIN}: instance administration; every attacker must be refused.</li>
 *   <li>{@link Kind#OPEN}: public, or authenticated by the body rather than a bearer (logins, exchanges);
 *       the reason says where those are proven instead.</li>
 * </ul>
 */
final class IsolationMatrix {

    enum Kind { TARGET, FILTER, SELF, ADMIN, OPEN }

    enum Scope { PROJECT, ORGANIZATION }

    /** One HTTP call; {@code body} null means none (or an empty JSON object for POST). */
    record Call(String method, String path, Object body) {
    }

    /** A world: the victim's names, or their missing look-alikes. */
    interface World {
        String v(String name);
    }

    record Entry(Kind kind, Scope scope, Function<World, Call> call, String reason) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    static IsolationMatrix build() {
        IsolationMatrix m = new IsolationMatrix();
        m.operationsAndKeys();
        m.iam();
        m.accessKeysDialect();
        m.accessKeysNative();
        m.identityAuth();
        m.organizationsAndWorkspaces();
        m.secrets();
        m.foldersImportsKmsWebhooks();
        return m;
    }

    Map<String, Entry> entries() {
        return entries;
    }

    // ---- DSL ----------------------------------------------------------------------------------------------

    private void target(String route, Function<World, Call> call) {
        add(route, new Entry(Kind.TARGET, Scope.PROJECT, call, null));
    }

    private void orgTarget(String route, Function<World, Call> call) {
        add(route, new Entry(Kind.TARGET, Scope.ORGANIZATION, call, null));
    }

    private void filter(String route, Function<World, Call> call) {
        add(route, new Entry(Kind.FILTER, Scope.PROJECT, call, null));
    }

    private void self(String route, Call call) {
        add(route, new Entry(Kind.SELF, Scope.PROJECT, w -> call, null));
    }

    private void admin(String route, Call call) {
        add(route, new Entry(Kind.ADMIN, Scope.PROJECT, w -> call, null));
    }

    private void open(String route, String reason) {
        add(route, new Entry(Kind.OPEN, Scope.PROJECT, null, reason));
    }

    private void add(String route, Entry e) {
        if (entries.put(route, e) != null) {
            throw new IllegalStateException("two matrix entries for " + route);
        }
    }

    private static Call get(String path) {
        return new Call("GET", path, null);
    }

    private static Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    private static Call delete(String path, Object body) {
        return new Call("DELETE", path, body);
    }

    private static Call post(String path, Object body) {
        return new Call("POST", path, body);
    }

    private static Call patch(String path, Object body) {
        return new Call("PATCH", path, body);
    }

    private static Call put(String path, Object body) {
        return new Call("PUT", path, body);
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // ---- routes -------------------------------------------------------------------------------------------

    private void operationsAndKeys() {
        for (String r : List.of("GET /healthz", "GET /readyz", "GET /metrics", "GET /.well-known/jwks.json",
                "GET /.well-known/openid-configuration", "GET /iam/.well-known/jwks.json", "GET /iam/.well-known/did.json")) {
            open(r, "public by design: operations and public keys carry no tenant data");
        }
        open("GET /v2/keys/{projectId}", "public by design: the instance's RSA verification keys, the same for every project id");
        open("POST /api/v1/admin/bootstrap", "one-time and unauthenticated; refused once bootstrapped (BootstrapTest)");
        open("POST /iam/v1/login", "authenticates by its body (LoginAndUsersTest, the credential attack suite)");
        open("POST /iam/v1/logout", "acts only on the presented token, which it revokes (LoginAndUsersTest)");
        open("POST /auth/oauth2/token", "authenticates by its client assertion (IamPatFlowTest, the credential attack suite)");
        admin("GET /iam/v1/audit/verify", get("/iam/v1/audit/verify"));
        admin("GET /iam/v1/admin/keys", get("/iam/v1/admin/keys"));
        admin("POST /iam/v1/admin/keys/rotate", post("/iam/v1/admin/keys/rotate", body("algorithm", "ES256")));
        admin("POST /iam/v1/admin/organizations", post("/iam/v1/admin/organizations", body("name", "Takeover")));
    }

    private void iam() {
        self("GET /iam/v1/users", get("/iam/v1/users"));
        self("POST /iam/v1/users", post("/iam/v1/users", body("email", "intruder@example.net", "password", "intruder password")));
        orgTarget("GET /iam/v1/users/{userId}", w -> get("/iam/v1/users/" + w.v("user")));
        filter("GET /iam/v1/audit", w -> get("/iam/v1/audit?projectId=" + w.v("project")));

        self("GET /iam/v1/projects", get("/iam/v1/projects"));
        self("POST /iam/v1/projects", post("/iam/v1/projects", body("name", "intruder")));
        self("GET /iam/v1/projects/principals", get("/iam/v1/projects/principals"));
        // A personal access token id is shared on purpose with the admins of other projects of its owner's
        // organization so that they can add it; across organizations it must stay unknown.
        orgTarget("POST /iam/v1/projects/principals", w -> post("/iam/v1/projects/principals",
                body("principalId", w.v("pat"), "principalType", "token")));
        orgTarget("DELETE /iam/v1/projects/principals/{principalId}",
                w -> delete("/iam/v1/projects/principals/" + w.v("pat") + "?principalType=token"));
        target("GET /iam/v1/projects/{projectId}", w -> get("/iam/v1/projects/" + w.v("project")));
        target("PATCH /iam/v1/projects/{projectId}", w -> patch("/iam/v1/projects/" + w.v("project"), body("name", "pwned")));
        target("DELETE /iam/v1/projects/{projectId}", w -> delete("/iam/v1/projects/" + w.v("project")));
        target("GET /iam/v1/policies/principals/{principalId}",
                w -> get("/iam/v1/policies/principals/" + w.v("pat") + "?principalType=token"));
        target("PUT /iam/v1/policies/principals/{principalId}", w -> put("/iam/v1/policies/principals/" + w.v("pat")
                + "?principalType=token", body("version", "2022-12-15", "statement", List.of())));

        target("POST /iam/v1/sts/create-project-scoped-token",
                w -> post("/iam/v1/sts/create-project-scoped-token", body("projectId", w.v("project"))));
        self("GET /iam/v1/sts/whoami", get("/iam/v1/sts/whoami"));

        self("GET /iam/v1/tokens", get("/iam/v1/tokens"));
        self("POST /iam/v1/tokens", post("/iam/v1/tokens", body("name", "intruder")));
        target("GET /iam/v1/tokens/{tokenId}", w -> get("/iam/v1/tokens/" + w.v("pat")));
        target("PATCH /iam/v1/tokens/{tokenId}", w -> patch("/iam/v1/tokens/" + w.v("pat"), body("name", "pwned")));
        target("DELETE /iam/v1/tokens/{tokenId}", w -> delete("/iam/v1/tokens/" + w.v("pat")));
        target("GET /iam/v1/tokens/{tokenId}/projects", w -> get("/iam/v1/tokens/" + w.v("pat") + "/projects"));

        target("POST /iam/v1/authz/check", w -> post("/iam/v1/authz/check", check(w)));
        target("POST /iam/v1/authz/check-batch", w -> post("/iam/v1/authz/check-batch", body("requests", List.of(check(w)))));
    }

    private static Map<String, Object> check(World w) {
        return body("principal", "ari:iam::" + w.v("project") + ":token/" + w.v("pat"), "action", "secrets:Read",
                "resource", "ari:secrets::" + w.v("project") + ":secret/*");
    }

    private void accessKeysDialect() {
        self("POST /v1/mgmt/accesskey/create", post("/v1/mgmt/accesskey/create", body("name", "intruder")));
        target("GET /v1/mgmt/accesskey", w -> get("/v1/mgmt/accesskey?id=" + w.v("accessKey")));
        self("POST /v1/mgmt/accesskey/search", post("/v1/mgmt/accesskey/search", body()));
        target("POST /v1/mgmt/accesskey/update", w -> post("/v1/mgmt/accesskey/update", body("id", w.v("accessKey"), "name", "pwned")));
        for (String op : List.of("deactivate", "activate", "delete", "rotate")) {
            target("POST /v1/mgmt/accesskey/" + op, w -> post("/v1/mgmt/accesskey/" + op, body("id", w.v("accessKey"))));
        }
        for (String op : List.of("deactivate", "activate", "delete")) {
            target("POST /v1/mgmt/accesskey/" + op + "/batch",
                    w -> post("/v1/mgmt/accesskey/" + op + "/batch", body("ids", List.of(w.v("accessKey")))));
        }
        open("POST /v1/auth/accesskey/exchange", "authenticates by the access key in its bearer (AccessKeySecurityTest)");
        self("GET /v1/mgmt/license", get("/v1/mgmt/license"));
        self("PUT /v1/mgmt/managementkey", put("/v1/mgmt/managementkey", body("name", "intruder")));
        target("PATCH /v1/mgmt/managementkey", w -> patch("/v1/mgmt/managementkey", body("id", w.v("mgmtKey"), "name", "pwned")));
        target("GET /v1/mgmt/managementkey", w -> get("/v1/mgmt/managementkey?id=" + w.v("mgmtKey")));
        self("GET /v1/mgmt/managementkey/search", get("/v1/mgmt/managementkey/search"));
        target("POST /v1/mgmt/managementkey/delete", w -> post("/v1/mgmt/managementkey/delete", body("ids", List.of(w.v("mgmtKey")))));
        self("POST /v1/mgmt/tenant/create", post("/v1/mgmt/tenant/create", body("id", "intruder", "name", "intruder")));
        target("GET /v1/mgmt/tenant", w -> get("/v1/mgmt/tenant?id=" + w.v("tenant")));
        self("GET /v1/mgmt/tenant/all", get("/v1/mgmt/tenant/all"));
        target("POST /v1/mgmt/tenant/delete", w -> post("/v1/mgmt/tenant/delete", body("id", w.v("tenant"))));
        // Role, permission and tenant names live in the management key's own project: the dialect creates
        // the permissions a new role names, so creation is the caller's own business (the deletes by the
        // victim's names below are still targets).
        self("POST /v1/mgmt/role/create", post("/v1/mgmt/role/create", body("name", "intruder",
                "permissionNames", List.of("intruderperm"))));
        self("GET /v1/mgmt/role/all", get("/v1/mgmt/role/all"));
        target("POST /v1/mgmt/role/delete", w -> post("/v1/mgmt/role/delete", body("name", w.v("role"))));
        self("POST /v1/mgmt/permission/create", post("/v1/mgmt/permission/create", body("name", "intruder")));
        self("GET /v1/mgmt/permission/all", get("/v1/mgmt/permission/all"));
        target("POST /v1/mgmt/permission/delete", w -> post("/v1/mgmt/permission/delete", body("name", w.v("permission"))));
    }

    private void accessKeysNative() {
        String p = "/iam/v1/projects/{projectId}";
        target("POST " + p + "/management-keys", w -> post(base(w) + "/management-keys", body("name", "intruder")));
        target("GET " + p + "/management-keys", w -> get(base(w) + "/management-keys"));
        target("GET " + p + "/management-keys/{keyId}", w -> get(base(w) + "/management-keys/" + w.v("mgmtKey")));
        target("POST " + p + "/management-keys/{keyId}/activate", w -> post(base(w) + "/management-keys/" + w.v("mgmtKey") + "/activate", null));
        target("POST " + p + "/management-keys/{keyId}/deactivate", w -> post(base(w) + "/management-keys/" + w.v("mgmtKey") + "/deactivate", null));
        target("DELETE " + p + "/management-keys/{keyId}", w -> delete(base(w) + "/management-keys/" + w.v("mgmtKey")));
        target("POST " + p + "/tenants", w -> post(base(w) + "/tenants", body("id", "intruder", "name", "intruder")));
        target("GET " + p + "/tenants", w -> get(base(w) + "/tenants"));
        target("GET " + p + "/tenants/{tenantId}", w -> get(base(w) + "/tenants/" + w.v("tenant")));
        target("DELETE " + p + "/tenants/{tenantId}", w -> delete(base(w) + "/tenants/" + w.v("tenant")));
        target("POST " + p + "/roles", w -> post(base(w) + "/roles", body("name", "intruder")));
        target("GET " + p + "/roles", w -> get(base(w) + "/roles"));
        target("DELETE " + p + "/roles/{roleName}", w -> delete(base(w) + "/roles/" + w.v("role")));
        target("POST " + p + "/permissions", w -> post(base(w) + "/permissions", body("name", "intruder")));
        target("GET " + p + "/permissions", w -> get(base(w) + "/permissions"));
        target("DELETE " + p + "/permissions/{permissionName}", w -> delete(base(w) + "/permissions/" + w.v("permission")));
        target("POST " + p + "/access-keys", w -> post(base(w) + "/access-keys", body("name", "intruder")));
        target("GET " + p + "/access-keys", w -> get(base(w) + "/access-keys"));
        target("GET " + p + "/access-keys/{keyId}", w -> get(base(w) + "/access-keys/" + w.v("accessKey")));
        target("PATCH " + p + "/access-keys/{keyId}", w -> patch(base(w) + "/access-keys/" + w.v("accessKey"), body("name", "pwned")));
        for (String op : List.of("activate", "deactivate", "rotate")) {
            target("POST " + p + "/access-keys/{keyId}/" + op, w -> post(base(w) + "/access-keys/" + w.v("accessKey") + "/" + op, null));
        }
        target("DELETE " + p + "/access-keys/{keyId}", w -> delete(base(w) + "/access-keys/" + w.v("accessKey")));
    }

    private static String base(World w) {
        return "/iam/v1/projects/" + w.v("project");
    }

    private void identityAuth() {
        open("POST /api/v1/auth/token/renew", "authenticates by the token in its body (UniversalAuthTest)");
        open("POST /api/v1/auth/token/revoke", "authenticates by the token in its body (UniversalAuthTest)");
        for (String method : List.of("universal-auth", "token-auth", "jwt-auth", "oidc-auth", "aws-auth", "gcp-auth", "azure-auth",
                "kubernetes-auth", "ldap-auth", "tls-cert-auth", "oci-auth", "alicloud-auth")) {
            if (!method.equals("token-auth")) {
                open("POST /api/v1/auth/" + method + "/login", "authenticates by its body (the credential attack suite)");
            }
            String path = "/api/v1/auth/" + method + "/identities/{identityId}";
            Function<World, String> at = w -> "/api/v1/auth/" + method + "/identities/" + w.v("identity");
            orgTarget("GET " + path, w -> get(at.apply(w)));
            orgTarget("POST " + path, w -> post(at.apply(w), body()));
            orgTarget("PATCH " + path, w -> patch(at.apply(w), body()));
            orgTarget("DELETE " + path, w -> delete(at.apply(w)));
        }
        String ua = "/api/v1/auth/universal-auth/identities/{identityId}/client-secrets";
        Function<World, String> cs = w -> "/api/v1/auth/universal-auth/identities/" + w.v("identity") + "/client-secrets";
        orgTarget("POST " + ua, w -> post(cs.apply(w), body()));
        orgTarget("GET " + ua, w -> get(cs.apply(w)));
        orgTarget("GET " + ua + "/{clientSecretId}", w -> get(cs.apply(w) + "/" + w.v("clientSecret")));
        orgTarget("DELETE " + ua + "/{clientSecretId}", w -> delete(cs.apply(w) + "/" + w.v("clientSecret")));
        orgTarget("POST " + ua + "/{clientSecretId}/revoke", w -> post(cs.apply(w) + "/" + w.v("clientSecret") + "/revoke", body()));
        String ta = "/api/v1/auth/token-auth/identities/{identityId}/tokens";
        orgTarget("POST " + ta, w -> post("/api/v1/auth/token-auth/identities/" + w.v("identity") + "/tokens", body("name", "x")));
        orgTarget("GET " + ta, w -> get("/api/v1/auth/token-auth/identities/" + w.v("identity") + "/tokens"));
        orgTarget("GET /api/v1/auth/token-auth/tokens/{tokenId}", w -> get("/api/v1/auth/token-auth/tokens/" + w.v("identityToken")));
        orgTarget("PATCH /api/v1/auth/token-auth/tokens/{tokenId}",
                w -> patch("/api/v1/auth/token-auth/tokens/" + w.v("identityToken"), body("name", "pwned")));
        orgTarget("POST /api/v1/auth/token-auth/tokens/{tokenId}/revoke",
                w -> post("/api/v1/auth/token-auth/tokens/" + w.v("identityToken") + "/revoke", body()));
    }

    private void organizationsAndWorkspaces() {
        orgTarget("POST /api/v1/identities", w -> post("/api/v1/identities", body("name", "intruder", "organizationId", w.v("org"),
                "role", "member")));
        orgTarget("GET /api/v1/identities/{identityId}", w -> get("/api/v1/identities/" + w.v("identity")));
        orgTarget("PATCH /api/v1/identities/{identityId}", w -> patch("/api/v1/identities/" + w.v("identity"), body("name", "pwned")));
        orgTarget("DELETE /api/v1/identities/{identityId}", w -> delete("/api/v1/identities/" + w.v("identity")));
        orgTarget("GET /api/v1/identities/{identityId}/identity-memberships",
                w -> get("/api/v1/identities/" + w.v("identity") + "/identity-memberships"));
        orgTarget("GET /api/v1/organizations/{organizationId}/identities", w -> get("/api/v1/organizations/" + w.v("org") + "/identities"));
        orgTarget("GET /api/v2/organizations/{orgId}/identity-memberships",
                w -> get("/api/v2/organizations/" + w.v("org") + "/identity-memberships"));
        orgTarget("GET /api/v2/organizations/{orgId}/memberships", w -> get("/api/v2/organizations/" + w.v("org") + "/memberships"));
        String m = "/api/v2/organizations/{orgId}/memberships/{membershipId}";
        Function<World, String> mp = w -> "/api/v2/organizations/" + w.v("org") + "/memberships/" + w.v("membership");
        orgTarget("GET " + m, w -> get(mp.apply(w)));
        orgTarget("PATCH " + m, w -> patch(mp.apply(w), body("role", "admin")));
        orgTarget("DELETE " + m, w -> delete(mp.apply(w)));
        orgTarget("GET /api/v1/organization/{orgId}/roles", w -> get("/api/v1/organization/" + w.v("org") + "/roles"));
        orgTarget("POST /api/v1/organization/{orgId}/roles", w -> post("/api/v1/organization/" + w.v("org") + "/roles",
                body("slug", "intruder", "name", "Intruder", "permissions", List.of("identities:read"))));
        orgTarget("DELETE /api/v1/organization/{orgId}/roles/{roleSlug}",
                w -> delete("/api/v1/organization/" + w.v("org") + "/roles/" + w.v("orgRole")));

        self("POST /api/v2/workspace", post("/api/v2/workspace", body("projectName", "intruder", "type", "secret-manager")));
        for (String b : List.of("/api/v1/workspace", "/api/v1/projects")) {
            self("GET " + b, get(b));
            target("GET " + b + "/{workspaceId}", w -> get(b + "/" + w.v("project")));
            target("PATCH " + b + "/{workspaceId}", w -> patch(b + "/" + w.v("project"), body("name", "pwned")));
            target("DELETE " + b + "/{workspaceId}", w -> delete(b + "/" + w.v("project")));
            target("POST " + b + "/{workspaceId}/environments", w -> post(b + "/" + w.v("project") + "/environments",
                    body("name", "Intruder", "slug", "intruder")));
            target("GET " + b + "/{workspaceId}/environments", w -> get(b + "/" + w.v("project") + "/environments"));
            String e = b + "/{workspaceId}/environments/{environmentId}";
            Function<World, String> ep = w -> b + "/" + w.v("project") + "/environments/" + w.v("environment");
            target("GET " + e, w -> get(ep.apply(w)));
            target("PATCH " + e, w -> patch(ep.apply(w), body("name", "pwned")));
            target("DELETE " + e, w -> delete(ep.apply(w)));
        }
        target("POST /api/v2/workspace/{projectId}/memberships", w -> post("/api/v2/workspace/" + w.v("project") + "/memberships",
                body("usernames", List.of("intruder@example.net"))));
        target("GET /api/v2/workspace/{projectId}/identity-memberships",
                w -> get("/api/v2/workspace/" + w.v("project") + "/identity-memberships"));
        String im = "/api/v2/workspace/{projectId}/identity-memberships/{identityId}";
        Function<World, String> imp = w -> "/api/v2/workspace/" + w.v("project") + "/identity-memberships/" + w.v("identity");
        target("POST " + im, w -> post(imp.apply(w), body("role", "admin")));
        target("GET " + im, w -> get(imp.apply(w)));
        target("PATCH " + im, w -> patch(imp.apply(w), body("role", "admin")));
        target("DELETE " + im, w -> delete(imp.apply(w)));
    }

    private void secrets() {
        for (String[] v : new String[][] {{"/api/v3/secrets", "/raw", "workspaceId"}, {"/api/v4/secrets", "", "projectId"}}) {
            String root = v[0];
            String raw = root + v[1];
            String projectKey = v[2];
            Function<World, String> q = w -> "?" + projectKey + "=" + w.v("project") + "&environment=dev&secretPath=/";
            target("GET " + raw, w -> get(raw + q.apply(w)));
            target("GET " + raw + (v[1].isEmpty() ? "" : "") + "/id/{secretId}", w -> get(raw + "/id/" + w.v("secret")));
            String named = raw + "/{secretName}";
            Function<World, String> np = w -> raw + "/" + w.v("secretName");
            Function<World, Map<String, Object>> b = w -> body(projectKey, w.v("project"), "environment", "dev", "secretPath", "/",
                    "secretValue", "pwned");
            target("GET " + named, w -> get(np.apply(w) + q.apply(w)));
            target("POST " + named, w -> post(np.apply(w), b.apply(w)));
            target("PATCH " + named, w -> patch(np.apply(w), b.apply(w)));
            target("DELETE " + named, w -> delete(np.apply(w), b.apply(w)));
            String batch = root + "/batch" + v[1];
            Function<World, Map<String, Object>> bb = w -> body(projectKey, w.v("project"), "environment", "dev", "secretPath", "/",
                    "secrets", List.of(body("secretKey", w.v("secretName"), "secretValue", "pwned")));
            target("POST " + batch, w -> post(batch, bb.apply(w)));
            target("PATCH " + batch, w -> patch(batch, bb.apply(w)));
            target("DELETE " + batch, w -> delete(batch, bb.apply(w)));
            target("POST " + root + "/move", w -> post(root + "/move", body(projectKey, w.v("project"), "sourceEnvironment", "dev",
                    "sourceSecretPath", "/", "destinationEnvironment", "prod", "destinationSecretPath", "/",
                    "secretIds", List.of(w.v("secret")))));
        }
        String versions = "/api/v1/secret/{secretId}/secret-versions";
        target("GET " + versions, w -> get("/api/v1/secret/" + w.v("secret") + "/secret-versions"));
        target("GET " + versions + "/{version}", w -> get("/api/v1/secret/" + w.v("secret") + "/secret-versions/1"));
        target("POST " + versions + "/rollback", w -> post("/api/v1/secret/" + w.v("secret") + "/secret-versions/rollback",
                body("version", 1)));
    }

    private void foldersImportsKmsWebhooks() {
        for (String b : List.of("/api/v1/folders", "/api/v2/folders")) {
            Function<World, Map<String, Object>> fb = w -> body("workspaceId", w.v("project"), "environment", "dev", "path", "/",
                    "name", "intruder");
            target("POST " + b, w -> post(b, fb.apply(w)));
            target("GET " + b, w -> get(b + "?workspaceId=" + w.v("project") + "&environment=dev&path=/"));
            target("PATCH " + b + "/batch", w -> patch(b + "/batch", body("projectSlug", w.v("project"), "folders",
                    List.of(body("id", w.v("folder"), "environment", "dev", "path", "/", "name", "pwned")))));
            target("GET " + b + "/{folderId}", w -> get(b + "/" + w.v("folder")));
            target("PATCH " + b + "/{folderId}", w -> patch(b + "/" + w.v("folder"), fb.apply(w)));
            target("DELETE " + b + "/{folderId}", w -> delete(b + "/" + w.v("folder"), fb.apply(w)));
        }
        for (String b : List.of("/api/v1/secret-imports", "/api/v2/secret-imports")) {
            target("POST " + b, w -> post(b, body("workspaceId", w.v("project"), "environment", "prod", "path", "/",
                    "import", body("environment", "dev", "path", "/"))));
            Function<World, String> q = w -> "?workspaceId=" + w.v("project") + "&environment=staging&path=/";
            target("GET " + b, w -> get(b + q.apply(w)));
            target("GET " + b + "/secrets", w -> get(b + "/secrets" + q.apply(w)));
            target("GET " + b + "/secrets/raw", w -> get(b + "/secrets/raw" + q.apply(w)));
            target("GET " + b + "/{secretImportId}", w -> get(b + "/" + w.v("import")));
            target("PATCH " + b + "/{secretImportId}", w -> patch(b + "/" + w.v("import"), body("import", body("position", 1))));
            target("DELETE " + b + "/{secretImportId}", w -> delete(b + "/" + w.v("import")));
        }
        String k = "/api/v1/kms/keys";
        target("POST " + k, w -> post(k, body("projectId", w.v("kmsProject"), "name", "intruder")));
        target("GET " + k, w -> get(k + "?projectId=" + w.v("kmsProject")));
        target("GET " + k + "/key-name/{keyName}", w -> get(k + "/key-name/" + w.v("kmsKeyName") + "?projectId=" + w.v("kmsProject")));
        Function<World, String> kp = w -> k + "/" + w.v("kmsKey");
        target("GET " + k + "/{keyId}", w -> get(kp.apply(w)));
        target("PATCH " + k + "/{keyId}", w -> patch(kp.apply(w), body("isDisabled", true)));
        target("DELETE " + k + "/{keyId}", w -> delete(kp.apply(w)));
        target("POST " + k + "/{keyId}/rotate", w -> post(kp.apply(w) + "/rotate", body()));
        target("POST " + k + "/{keyId}/encrypt", w -> post(kp.apply(w) + "/encrypt", body("plaintext", "aGVsbG8=")));
        target("POST " + k + "/{keyId}/decrypt", w -> post(kp.apply(w) + "/decrypt", body("ciphertext", "aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=")));
        target("POST " + k + "/{keyId}/sign", w -> post(kp.apply(w) + "/sign", body("data", "aGVsbG8=",
                "signingAlgorithm", "RSASSA_PKCS1_V1_5_SHA_256")));
        target("POST " + k + "/{keyId}/verify", w -> post(kp.apply(w) + "/verify", body("data", "aGVsbG8=", "signature", "aGVsbG8=",
                "signingAlgorithm", "RSASSA_PKCS1_V1_5_SHA_256")));
        target("GET " + k + "/{keyId}/signing-algorithms", w -> get(kp.apply(w) + "/signing-algorithms"));
        target("GET " + k + "/{keyId}/public-key", w -> get(kp.apply(w) + "/public-key"));

        String h = "/api/v1/webhooks";
        target("POST " + h, w -> post(h, body("workspaceId", w.v("project"), "environment", "dev", "secretPath", "/",
                "webhookUrl", "http://127.0.0.1:9/intruder")));
        target("GET " + h, w -> get(h + "?workspaceId=" + w.v("project")));
        target("PATCH " + h + "/{webhookId}", w -> patch(h + "/" + w.v("webhook"), body("isDisabled", true)));
        target("DELETE " + h + "/{webhookId}", w -> delete(h + "/" + w.v("webhook")));
        target("POST " + h + "/{webhookId}/test", w -> post(h + "/" + w.v("webhook") + "/test", body()));
    }
}
