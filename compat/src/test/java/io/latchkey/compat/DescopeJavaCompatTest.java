package io.latchkey.compat;

import com.descope.client.Config;
import com.descope.client.DescopeClient;
import com.descope.exception.DescopeException;
import com.descope.model.auth.AccessKeyLoginOptions;
import com.descope.model.auth.AssociatedTenant;
import com.descope.model.jwt.Token;
import com.descope.model.mgmt.AccessKeyResponse;
import com.descope.model.mgmt.AccessKeyResponseDetails;
import com.descope.model.mgmt.ManagementServices;
import com.descope.sdk.auth.AuthenticationService;
import com.descope.sdk.mgmt.AccessKeyService;
import io.latchkey.testkit.ManagedProjects;
import io.latchkey.testkit.ManagedProjects.ManagedProject;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vendor's Java SDK {@code com.descope:java-sdk:1.0.63}, unmodified, against a fresh server through the
 * lifecycle of seed 004: roles, permissions and tenants first, then create with roles, tenants and claims,
 * load, search, update, deactivate (the exchange fails), activate (it works), validate the exchanged JWT with
 * the SDK's own validation (keys from /v2/keys rebuilt as RSA), rotate, delete. The SDK has no rotate call in
 * this version, so rotation goes through the same management endpoint with a plain HTTP call.
 */
class DescopeJavaCompatTest {

    @Test
    void officialJavaSdkWhenWalkingSeed004ThenEveryStepWorks() {
        try (TestServer server = TestServer.start()) {
            server.bootstrap();
            String owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            String ownerId = server.get("/iam/v1/users", owner).json().get("users").get(0).get("id").asText();
            ManagedProject project = ManagedProjects.create(server, owner, "descope java");
            DescopeClient client = new DescopeClient(Config.builder().projectId(project.id())
                    .managementKey(project.managementKey()).descopeBaseUrl(server.baseUrl()).build());
            ManagementServices mgmt = client.getManagementServices();
            AuthenticationService auth = client.getAuthenticationServices().getAuthService();
            AccessKeyService keys = mgmt.getAccessKeyService();

            String tenantId = createRolesAndTenant(mgmt);
            AccessKeyResponse created = createAndManage(keys, tenantId, ownerId);
            String id = created.getKey().getId();
            String cleartext = created.getCleartext();

            assertThat(keys.deactivate(id)).isNotNull();
            assertThatThrownBy(() -> auth.exchangeAccessKey(cleartext)).isInstanceOf(DescopeException.class)
                    .satisfies(e -> assertThat(((DescopeException) e).getCode()).isEqualTo("E011101"));
            keys.activate(id);
            exchangeAndValidate(auth, cleartext, id, tenantId, project.id());

            TestResponse rotated = server.post("/v1/mgmt/accesskey/rotate", project.bearer(), Map.of("id", id));
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String newCleartext = rotated.text("cleartext");
            assertThatThrownBy(() -> auth.exchangeAccessKey(cleartext)).isInstanceOf(DescopeException.class);
            assertThat(auth.exchangeAccessKey(newCleartext).getId()).isEqualTo(id);

            keys.delete(id);
            assertThatThrownBy(() -> keys.load(id)).isInstanceOf(DescopeException.class)
                    .satisfies(e -> assertThat(((DescopeException) e).getCode()).isEqualTo("E011103"));
            assertThatThrownBy(() -> auth.exchangeAccessKey(newCleartext)).isInstanceOf(DescopeException.class);
        }
    }

    /** Permissions, roles and a tenant through the SDK's own management services; returns the tenant id. */
    private static String createRolesAndTenant(ManagementServices mgmt) {
        mgmt.getPermissionService().create("reports:read", "read reports");
        mgmt.getRolesService().create("TestRole1", "reads reports", List.of("reports:read"));
        mgmt.getRolesService().create("Tenant Admin", "", "administers a tenant", List.of("reports:read", "tenant:admin"));
        String tenantId = mgmt.getTenantService().create("TestTenant", List.of());
        assertThat(mgmt.getRolesService().loadAll().getRoles()).extracting(r -> r.getName())
                .contains("TestRole1", "Tenant Admin");
        return tenantId;
    }

    /** Create with roles, tenants and claims, then load, search and update (absent fields stay). */
    private static AccessKeyResponse createAndManage(AccessKeyService keys, String tenantId, String ownerId) {
        AccessKeyResponse created = keys.create("seed-004", 0, List.of("TestRole1"),
                List.of(AssociatedTenant.builder().tenantId(tenantId).roleNames(List.of("Tenant Admin")).build()),
                ownerId, Map.of("key", "value"));
        AccessKeyResponseDetails key = created.getKey();
        String id = key.getId();
        assertThat(created.getCleartext()).isNotBlank().doesNotContain(":");
        assertThat(key.getStatus()).isEqualTo("active");
        assertThat(key.getRoleNames()).containsExactly("TestRole1");
        assertThat(key.getKeyTenants()).singleElement().satisfies(t -> {
            assertThat(t.getTenantId()).isEqualTo(tenantId);
            assertThat(t.getTenantName()).isEqualTo("TestTenant");
            assertThat(t.getRoleNames()).containsExactly("Tenant Admin");
        });
        assertThat(key.getUserId()).isEqualTo(ownerId);
        assertThat(key.getCreatedTime()).isPositive();
        assertThat(key.getExpireTime()).isZero();

        assertThat(keys.load(id).getKey().getName()).isEqualTo("seed-004");
        assertThat(keys.searchAll(List.of(tenantId)).getKeys()).extracting(AccessKeyResponseDetails::getId).contains(id);
        assertThat(keys.searchAll(null).getKeys()).extracting(AccessKeyResponseDetails::getId).contains(id);
        AccessKeyResponseDetails updated = keys.update(id, "seed-004-renamed").getKey();
        assertThat(updated.getName()).isEqualTo("seed-004-renamed");
        assertThat(updated.getRoleNames()).as("absent fields stay").containsExactly("TestRole1");
        assertThat(updated.getKeyTenants()).hasSize(1);
        return created;
    }

    /** The SDK validates the session itself (keys from /v2/keys); then its role and permission helpers. */
    private static void exchangeAndValidate(AuthenticationService auth, String cleartext, String id, String tenantId,
                                            String projectId) {
        Token session = auth.exchangeAccessKey(cleartext,
                AccessKeyLoginOptions.builder().customClaims(Map.of("requestedBy", "ci")).build());
        Token validated = auth.validateSessionWithToken(session.getJwt());
        assertThat(validated.getId()).isEqualTo(id);
        assertThat(validated.getProjectId()).isEqualTo(projectId);
        assertThat(validated.getExpiration()).isPositive();
        assertThat(validated.getClaims()).containsEntry("key", "value").containsEntry("nsec", Map.of("requestedBy", "ci"));
        assertThat(auth.validateRoles(validated, List.of("TestRole1"))).isTrue();
        assertThat(auth.validatePermissions(validated, List.of("reports:read"))).isTrue();
        assertThat(auth.validateRoles(validated, tenantId, List.of("Tenant Admin"))).isTrue();
        assertThat(auth.validatePermissions(validated, tenantId, List.of("tenant:admin"))).isTrue();
        assertThat(auth.validateRoles(validated, List.of("Tenant Admin"))).isFalse();
    }
}
