package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.latchkey.it.SecretsApi.error;
import static io.latchkey.it.SecretsApi.ok;
import static io.latchkey.it.SecretsApi.uaPath;
import static io.latchkey.it.SecretsApi.validationNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machine identities, organizations and token auth (specs/infisical.md sections 3.1 and 3.2, seed 003):
 * CRUD and search, organization roles (built-in and custom), isolation between organizations, deleting an
 * identity revokes all its tokens, auth modes per resource, and the vendor's methods that are not enabled.
 */
class MachineIdentityTest {
    static TestServer server;
    static SecretsApi api;
    static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = new SecretsApi(server);
        owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void identityWhenCreatedReadUpdatedSearchedAndDeletedThenSpecShapes() {
        TestResponse created = ok(server.post("/api/v1/identities", api.adminToken, Map.of("name", "ci-runner",
                "organizationId", api.orgId, "role", "member", "metadata", List.of(Map.of("key", "team", "value", "ops")))));
        JsonNode identity = created.json().get("identity");
        String id = identity.get("id").asText();
        assertThat(identity.get("orgId").asText()).isEqualTo(api.orgId);
        assertThat(identity.get("authMethods")).isEmpty();
        assertThat(identity.get("metadata").get(0).get("key").asText()).isEqualTo("team");

        JsonNode got = ok(server.get("/api/v1/identities/" + id, owner)).json().get("identity");
        assertThat(got.get("role").asText()).isEqualTo("member");
        assertThat(got.get("identity").get("name").asText()).isEqualTo("ci-runner");

        JsonNode patched = ok(server.patch("/api/v1/identities/" + id, api.adminToken, Map.of("name", "ci-runner-2",
                "role", "no-access"))).json().get("identity");
        assertThat(patched.get("name").asText()).isEqualTo("ci-runner-2");
        assertThat(ok(server.get("/api/v1/identities/" + id, api.adminToken)).text("identity.role")).isEqualTo("no-access");

        JsonNode found = ok(server.get("/api/v1/organizations/" + api.orgId + "/identities?search=RUNNER-2", api.adminToken)).json();
        assertThat(found.get("totalCount").asLong()).isEqualTo(1);
        assertThat(found.get("identities").get(0).get("identity").get("id").asText()).isEqualTo(id);
        JsonNode members = ok(server.get("/api/v2/organizations/" + api.orgId + "/identity-memberships?limit=1", api.adminToken)).json();
        assertThat(members.get("identityMemberships")).hasSize(1);
        assertThat(members.get("totalCount").asLong()).isGreaterThanOrEqualTo(2);

        ok(server.delete("/api/v1/identities/" + id, api.adminToken));
        error(server.get("/api/v1/identities/" + id, api.adminToken), 404, "NotFound");
    }

    @Test
    void identityWhenInputInvalidThen422NamingTheField() {
        validationNames(server.post("/api/v1/identities", api.adminToken, Map.of("organizationId", api.orgId)), "name");
        validationNames(server.post("/api/v1/identities", api.adminToken, Map.of("name", "x", "organizationId", api.orgId,
                "role", "overlord")), "role");
        validationNames(server.post("/api/v1/identities", api.adminToken, Map.of("name", "x", "organizationId", api.orgId,
                "metadata", List.of(Map.of("key", "a", "value", "1"), Map.of("key", "a", "value", "2")))), "metadata[1]");
        validationNames(server.post("/api/v1/identities", api.adminToken, Map.of("name", "x".repeat(65),
                "organizationId", api.orgId)), "name");
    }

    @Test
    void orgRolesWhenBuiltInOrCustomThenTheyDecide() {
        String[] member = api.loggedInIdentity("role-member", "member", Map.of());
        String[] nobody = api.loggedInIdentity("role-none", "no-access", Map.of());
        error(server.post("/api/v1/identities", member[3], Map.of("name", "x", "organizationId", api.orgId)),
                403, "PermissionDenied");
        ok(server.get("/api/v1/identities/" + nobody[0], member[3]));
        error(server.get("/api/v1/identities/" + member[0], nobody[3]), 403, "PermissionDenied");
        error(server.post("/api/v2/workspace", nobody[3], Map.of("projectName", "nope", "type", "secret-manager")),
                403, "PermissionDenied");

        ok(server.post("/api/v1/organization/" + api.orgId + "/roles", api.adminToken, Map.of("slug", "identity-manager",
                "name", "Identity manager", "permissions", List.of("identities:read", "identities:manage"))));
        validationNames(server.post("/api/v1/organization/" + api.orgId + "/roles", api.adminToken, Map.of("slug", "bad",
                "permissions", List.of("everything"))), "permissions[0]");
        String[] manager = api.loggedInIdentity("manager", "identity-manager", Map.of());
        String made = api.createIdentity(manager[3], "made-by-manager", "no-access");
        ok(server.post(uaPath(made), manager[3], Map.of()));
        error(server.post("/api/v1/identities", manager[3], Map.of("name", "escalate", "organizationId", api.orgId,
                "role", "admin")), 403, "PermissionDenied");
        assertThat(ok(server.get("/api/v1/organization/" + api.orgId + "/roles", api.adminToken)).body())
                .contains("identity-manager");
        error(server.delete("/api/v1/organization/" + api.orgId + "/roles/identity-manager", api.adminToken), 400, "BadRequest");
    }

    @Test
    void organizationCreateWhenNotInstanceAdminThen403InTheNativeShape() {
        String[] orgAdmin = api.loggedInIdentity("not-instance-admin", "admin", Map.of());
        TestResponse r = server.post("/iam/v1/admin/organizations", orgAdmin[3], Map.of("name", "Nope"));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.text("code")).isEqualTo("forbidden");
    }

    @Test
    void secondOrganizationWhenCreatedByInstanceAdminThenIsolated() {
        TestResponse created = server.post("/iam/v1/admin/organizations", api.adminToken, Map.of("name", "Globex"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String other = created.text("identity.credentials.token");
        String otherOrg = created.text("organization.id");
        String mine = api.createIdentity(api.adminToken, "first-org-only", "no-access");
        String project = api.createProject(api.adminToken, "first-org-project");

        error(server.get("/api/v1/identities/" + mine, other), 404, "NotFound");
        error(server.post(uaPath(mine), other, Map.of()), 404, "NotFound");
        error(server.post("/api/v1/identities", other, Map.of("name", "x", "organizationId", api.orgId)), 404, "NotFound");
        error(server.get("/api/v1/workspace/" + project, other), 404, "NotFound");
        error(server.get("/api/v2/organizations/" + api.orgId + "/memberships", other), 404, "NotFound");
        assertThat(ok(server.get("/api/v1/workspace", other)).body()).doesNotContain(project);

        String theirs = ok(server.post("/api/v1/identities", other, Map.of("name", "globex-ci", "organizationId", otherOrg)))
                .text("identity.id");
        error(server.get("/api/v1/identities/" + theirs, api.adminToken), 404, "NotFound");
        String otherProject = ok(server.post("/api/v2/workspace", other, Map.of("projectName", "globex", "type", "kms")))
                .text("project.id");
        error(server.post("/api/v2/workspace/" + otherProject + "/identity-memberships/" + mine, other,
                Map.of("role", "viewer")), 404, "NotFound");
    }

    @Test
    void identityWhenDeletedThenEveryTokenItHoldsIsRevokedAtOnce() {
        String[] i = api.loggedInIdentity("doomed", "no-access", Map.of());
        String second = ok(api.login(i[1], i[2])).text("accessToken");
        ok(server.post("/api/v1/auth/token-auth/identities/" + i[0], api.adminToken, Map.of()));
        String static1 = ok(server.post("/api/v1/auth/token-auth/identities/" + i[0] + "/tokens", api.adminToken,
                Map.of("name", "a"))).text("accessToken");
        for (String t : new String[] {i[3], second, static1}) {
            ok(server.get("/api/v1/workspace", t));
        }
        ok(server.delete("/api/v1/identities/" + i[0], api.adminToken));
        for (String t : new String[] {i[3], second, static1}) {
            error(server.get("/api/v1/workspace", t), 401, "UnauthorizedError");
        }
        error(api.login(i[1], i[2]), 401, "UnauthorizedError");
    }

    @Test
    void instanceAdminIdentityWhenAnOrgAdminTriesToTakeItOverThenForbidden() {
        String adminIdentity = server.get("/api/v1/organizations/" + api.orgId + "/identities?search=instance-admin",
                api.adminToken).json().get("identities").get(0).get("identity").get("id").asText();
        String[] orgAdmin = api.loggedInIdentity("org-admin-id", "admin", Map.of());
        error(server.post(uaPath(adminIdentity), orgAdmin[3], Map.of()), 403, "PermissionDenied");
        error(server.post("/api/v1/auth/token-auth/identities/" + adminIdentity + "/tokens", orgAdmin[3], Map.of()),
                403, "PermissionDenied");
        error(server.delete("/api/v1/identities/" + adminIdentity, api.adminToken), 409, "Conflict");
    }

    @Test
    void tokenAuthWhenTokensCreatedRenamedRenewedAndRevokedThenSpecBehaviour() {
        String id = api.createIdentity(api.adminToken, "token-auth", "no-access");
        String base = "/api/v1/auth/token-auth/identities/" + id;
        JsonNode config = ok(server.post(base, api.adminToken, Map.of("accessTokenTTL", 300, "accessTokenMaxTTL", 900)))
                .json().get("identityTokenAuth");
        assertThat(config.get("accessTokenTTL").asLong()).isEqualTo(300);
        validationNames(server.patch(base, api.adminToken, Map.of("accessTokenPeriod", 60)), "accessTokenPeriod");
        TestResponse created = ok(server.post(base + "/tokens", api.adminToken, Map.of("name", "deploy")));
        String token = created.text("accessToken");
        String tokenId = created.text("tokenData.id");
        assertThat(created.json().get("expiresIn").asLong()).isEqualTo(300);
        assertThat(created.text("tokenData.authMethod")).isEqualTo("token-auth");
        ok(server.get("/api/v1/workspace", token));

        assertThat(ok(server.get(base + "/tokens?offset=0&limit=20", api.adminToken)).json().get("tokens")).hasSize(1);
        assertThat(ok(server.patch("/api/v1/auth/token-auth/tokens/" + tokenId, api.adminToken, Map.of("name", "renamed")))
                .text("token.name")).isEqualTo("renamed");
        String renewed = ok(server.post("/api/v1/auth/token/renew", null, Map.of("accessToken", token))).text("accessToken");
        ok(server.post("/api/v1/auth/token-auth/tokens/" + tokenId + "/revoke", api.adminToken, Map.of()));
        assertThat(ok(server.get("/api/v1/auth/token-auth/tokens/" + tokenId, api.adminToken)).json().get("token")
                .get("isAccessTokenRevoked").asBoolean()).isTrue();
        error(server.get("/api/v1/workspace", token), 401, "UnauthorizedError");
        error(server.get("/api/v1/workspace", renewed), 401, "UnauthorizedError");

        String another = ok(server.post(base + "/tokens", api.adminToken, Map.of())).text("accessToken");
        ok(server.delete(base, api.adminToken));
        error(server.get("/api/v1/workspace", another), 401, "UnauthorizedError");
    }

    @Test
    void authModesWhenTokenKindNotAllowedThen401() {
        ok(server.get("/api/v1/workspace", owner));
        ok(server.get("/api/v1/workspace", api.adminToken));
        String iamProject = ok(server.post("/iam/v1/projects", owner, Map.of("name", "iam-side"))).text("id");
        String scoped = ok(server.post("/iam/v1/sts/create-project-scoped-token", owner, Map.of("projectId", iamProject)))
                .text("accessToken");
        error(server.get("/api/v1/workspace", scoped), 401, "UnauthorizedError");
        error(server.get("/api/v1/workspace", null), 401, "UnauthorizedError");
        error(server.get("/api/v1/workspace", "not-a-token"), 401, "UnauthorizedError");
        assertThat(ok(server.get("/api/v1/workspace/" + iamProject, owner)).text("workspace.id"))
                .as("one project, one id in both dialects").isEqualTo(iamProject);
    }

    @Test
    void vendorMethodsNotOfferedWhenCalledThen400MethodNotEnabled() {
        for (String m : List.of("aws-auth", "gcp-auth", "azure-auth", "kubernetes-auth", "ldap-auth", "tls-cert-auth",
                "oci-auth", "alicloud-auth")) {
            JsonNode body = error(server.post("/api/v1/auth/" + m + "/login", null, Map.of("identityId", "x")), 400, "BadRequest");
            assertThat(body.get("message").asText()).contains("not enabled on this instance");
        }
        error(server.post("/api/v1/auth/kubernetes-auth/identities/x", api.adminToken, Map.of()), 400, "BadRequest");
    }
}
