package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.latchkey.it.SecretsApi.error;
import static io.latchkey.it.SecretsApi.ok;
import static io.latchkey.it.SecretsApi.validationNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects ("workspaces"), environments and memberships of the secrets dialect (specs/infisical.md
 * sections 6 and 7): W1-W4, E1-E4, MB1-MB4, and that a workspace is the IAM dialect's project.
 */
class WorkspaceTest {
    static TestServer server;
    static SecretsApi api;
    static String owner;
    static String[] creator;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = new SecretsApi(server);
        owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        creator = api.loggedInIdentity("creator", "member", Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String ws(String projectId) {
        return "/api/v1/workspace/" + projectId;
    }

    static String membership(String projectId, String identityId) {
        return "/api/v2/workspace/" + projectId + "/identity-memberships/" + identityId;
    }

    @Test
    void projectWhenCreatedByIdentityThenItIsAdminWithDefaultEnvironments() {
        TestResponse created = ok(server.post("/api/v2/workspace", creator[3], Map.of("projectName", "Payments API",
                "type", "secret-manager", "projectDescription", "d", "template", "default")));
        JsonNode project = created.json().get("project");
        String id = project.get("id").asText();
        assertThat(id).matches("P[0-9A-Za-z]{27}");
        assertThat(project.get("_id").asText()).isEqualTo(id);
        assertThat(project.get("slug").asText()).isEqualTo("payments-api");
        List<String> envs = new ArrayList<>();
        project.get("environments").forEach(e -> envs.add(e.get("name").asText() + "/" + e.get("slug").asText()));
        assertThat(envs).containsExactly("Development/dev", "Staging/staging", "Production/prod");

        JsonNode members = ok(server.get("/api/v2/workspace/" + id + "/identity-memberships", creator[3])).json();
        assertThat(members.get("totalCount").asInt()).isEqualTo(1);
        assertThat(members.get("identityMemberships").get(0).get("roles").get(0).get("role").asText()).isEqualTo("admin");
        assertThat(ok(server.get("/api/v1/workspace", creator[3])).body()).contains(id);
        assertThat(ok(server.patch(ws(id), creator[3], Map.of("name", "Payments"))).text("workspace.name")).isEqualTo("Payments");
        assertThat(ok(server.get("/api/v1/projects/" + id, creator[3])).text("project.name")).isEqualTo("Payments");
        assertThat(ok(server.get("/iam/v1/projects/" + id, owner)).text("id")).as("the same project in the IAM dialect").isEqualTo(id);

        assertThat(ok(server.delete(ws(id), creator[3])).text("workspace.id")).isEqualTo(id);
        error(server.get(ws(id), creator[3]), 404, "NotFound");
    }

    @Test
    void projectWhenInputInvalidThenNamedAndKmsTypeAccepted() {
        assertThat(ok(server.post("/api/v2/workspace", creator[3], Map.of("projectName", "keys", "type", "kms")))
                .text("project.type")).isEqualTo("kms");
        validationNames(server.post("/api/v2/workspace", creator[3], Map.of("type", "kms")), "projectName");
        validationNames(server.post("/api/v2/workspace", creator[3], Map.of("projectName", "x", "type", "vault")), "type");
        validationNames(server.post("/api/v2/workspace", creator[3], Map.of("projectName", "x", "type", "kms",
                "template", "fancy")), "template");
        String slugged = api.createProject(creator[3], "slugged");
        TestResponse dup = server.post("/api/v2/workspace", creator[3], Map.of("projectName", "again", "type", "kms",
                "slug", ok(server.get(ws(slugged), creator[3])).text("workspace.slug")));
        error(dup, 400, "BadRequest");
    }

    @Test
    void environmentsWhenCreatedUpdatedAndDeletedThenE1ToE4Shapes() {
        String id = api.createProject(creator[3], "envs");
        String base = ws(id) + "/environments";
        TestResponse created = ok(server.post(base, creator[3], Map.of("name", "QA", "slug", "qa", "projectId", id)));
        assertThat(created.text("workspace")).isEqualTo(id);
        assertThat(created.text("projectId")).isEqualTo(id);
        JsonNode env = created.json().get("environment");
        assertThat(env.get("position").asInt()).isEqualTo(4);
        String envId = env.get("id").asText();
        error(server.post(base, creator[3], Map.of("name", "QA again", "slug", "qa")), 400, "BadRequest");
        validationNames(server.post(base, creator[3], Map.of("name", "Bad", "slug", "Not A Slug")), "slug");
        validationNames(server.post(base, creator[3], Map.of("name", "Bad", "slug", "bad", "position", 0)), "position");

        assertThat(ok(server.get(base + "/" + envId, creator[3])).text("environment.slug")).isEqualTo("qa");
        assertThat(ok(server.get(base, creator[3])).json().get("environments")).hasSize(4);
        JsonNode updated = ok(server.patch(base + "/" + envId, creator[3], Map.of("name", "Quality", "slug", "quality")))
                .json().get("environment");
        assertThat(updated.get("slug").asText()).isEqualTo("quality");
        error(server.patch(base + "/" + envId, creator[3], Map.of("slug", "dev")), 400, "BadRequest");
        assertThat(ok(server.delete(base + "/" + envId, creator[3])).text("environment.id")).isEqualTo(envId);
        error(server.get(base + "/" + envId, creator[3]), 404, "NotFound");
    }

    @Test
    void identityMembershipsWhenAddedChangedAndRemovedThenRolesDecide() {
        String id = api.createProject(creator[3], "members");
        String[] joiner = api.loggedInIdentity("joiner", "no-access", Map.of());
        error(server.get(ws(id), joiner[3]), 404, "NotFound");

        JsonNode added = ok(server.post(membership(id, joiner[0]), creator[3],
                Map.of("roles", List.of(Map.of("role", "viewer", "isTemporary", false))))).json().get("identityMembership");
        assertThat(added.get("identityId").asText()).isEqualTo(joiner[0]);
        assertThat(added.get("roles").get(0).get("role").asText()).isEqualTo("viewer");
        error(server.post(membership(id, joiner[0]), creator[3], Map.of("role", "viewer")), 400, "BadRequest");
        ok(server.get(ws(id), joiner[3]));
        error(server.post(ws(id) + "/environments", joiner[3], Map.of("name", "X", "slug", "x")), 403, "PermissionDenied");

        assertThat(ok(server.patch(membership(id, joiner[0]), creator[3], Map.of("roles", List.of(Map.of("role", "member")))))
                .json().get("identityMembership").get("roles").get(0).get("role").asText()).isEqualTo("member");
        ok(server.post(ws(id) + "/environments", joiner[3], Map.of("name", "X", "slug", "x")));
        assertThat(ok(server.get(membership(id, joiner[0]), creator[3])).text("identityMembership.identityId"))
                .isEqualTo(joiner[0]);
        JsonNode listed = ok(server.get("/api/v2/workspace/" + id + "/identity-memberships?identityName=join", creator[3])).json();
        assertThat(listed.get("totalCount").asInt()).isEqualTo(1);
        assertThat(ok(server.get("/api/v1/identities/" + joiner[0] + "/identity-memberships", api.adminToken)).body())
                .contains(id);

        validationNames(server.patch(membership(id, joiner[0]), creator[3], Map.of("roles", List.of(Map.of("role", "root")))),
                "roles[0]");
        validationNames(server.patch(membership(id, joiner[0]), creator[3], Map.of("roles", List.of(Map.of("role", "viewer",
                "isTemporary", true, "temporaryMode", "relative", "temporaryRange", "1h")))), "roles[0].isTemporary");
        ok(server.delete(membership(id, joiner[0]), creator[3]));
        error(server.get(ws(id), joiner[3]), 404, "NotFound");
    }

    @Test
    void userMembershipsWhenInvitedByEmailThenMembersOnce() {
        String id = api.createProject(creator[3], "people");
        ok(server.post("/iam/v1/users", owner, Map.of("email", "dev@example.com", "password", "a long password")));
        JsonNode m = ok(server.post("/api/v2/workspace/" + id + "/memberships", creator[3],
                Map.of("emails", List.of("dev@example.com"), "projectId", id))).json().get("memberships").get(0);
        assertThat(m.get("projectId").asText()).isEqualTo(id);
        assertThat(m.get("role").asText()).isEqualTo("member");
        error(server.post("/api/v2/workspace/" + id + "/memberships", creator[3], Map.of("usernames", List.of("dev@example.com"))),
                400, "BadRequest");
        error(server.post("/api/v2/workspace/" + id + "/memberships", creator[3], Map.of("emails", List.of("nobody@example.com"))),
                404, "NotFound");
        String devToken = server.login("dev@example.com", "a long password");
        assertThat(ok(server.get(ws(id), devToken)).text("workspace.id")).isEqualTo(id);
    }
}
