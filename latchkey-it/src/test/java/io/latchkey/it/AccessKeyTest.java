package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.testkit.ManagedProjects;
import io.latchkey.testkit.ManagedProjects.ManagedProject;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access-key dialect over HTTP (specs/descope-access-keys.md): the lifecycle of seed 004 with a
 * management key, the session JWT of section 5, signing keys, and the supporting endpoints of section 4.5.
 */
class AccessKeyTest {
    static TestServer server;
    static String owner;
    static String ownerId;
    static ManagedProject project;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.bootstrap();
        owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        ownerId = server.get("/iam/v1/users", owner).json().get("users").get(0).get("id").asText();
        project = ManagedProjects.create(server, owner, "access keys");
        ok(mgmt("/v1/mgmt/permission/create", Map.of("name", "read", "description", "read things")));
        ok(mgmt("/v1/mgmt/role/create", Map.of("name", "Reader", "permissionNames", List.of("read"))));
        ok(mgmt("/v1/mgmt/role/create", Map.of("name", "Tenant Admin", "permissionNames", List.of("read", "write"),
                "tenantId", "")));
        ok(mgmt("/v1/mgmt/tenant/create", Map.of("id", "TestTenant", "name", "Test tenant")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestResponse mgmt(String path, Object body) {
        return server.post(path, project.bearer(), body);
    }

    static JsonNode ok(TestResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).startsWith("{");
        return r.json();
    }

    static TestResponse exchange(String projectId, String cleartext, Object body) {
        return server.post("/v1/auth/accesskey/exchange", projectId + ":" + cleartext, body);
    }

    static JsonNode createKey(Map<String, Object> body) {
        return ok(mgmt("/v1/mgmt/accesskey/create", body));
    }

    static void assertError(TestResponse r, int status, String errorCode) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode e = r.json();
        assertThat(e.get("errorCode").asText()).isEqualTo(errorCode);
        assertThat(e.get("errorMessage").asText()).isNotBlank();
        assertThat(e.get("errorDescription").asText()).isNotBlank();
    }

    @Test
    void lifecycleWhenManagedLikeSeed004ThenEveryAnswerHasTheSpecShape() throws Exception {
        JsonNode created = createAndInspect();
        String id = created.get("key").get("id").asText();
        String cleartext = created.get("cleartext").asText();
        searchAndUpdate(id, cleartext);

        assertThat(ok(mgmt("/v1/mgmt/accesskey/deactivate", Map.of("id", id))).get("key").get("status").asText())
                .isEqualTo("inactive");
        assertError(exchange(project.id(), cleartext, Map.of()), 401, "E011101");
        ok(mgmt("/v1/mgmt/accesskey/activate", Map.of("id", id)));
        exchangeAndCheckSession(id, cleartext);

        JsonNode rotated = ok(mgmt("/v1/mgmt/accesskey/rotate", Map.of("id", id)));
        String newCleartext = rotated.get("cleartext").asText();
        assertThat(newCleartext).isNotEqualTo(cleartext).doesNotContain(":");
        assertError(exchange(project.id(), cleartext, null), 401, "E011101");
        ok(exchange(project.id(), newCleartext, "{\"loginOptions\": null}"));

        assertThat(mgmt("/v1/mgmt/accesskey/delete", Map.of("id", id)).body()).isEqualTo("{}");
        assertError(server.get("/v1/mgmt/accesskey?id=" + id, project.bearer()), 404, "E011103");
        assertError(exchange(project.id(), newCleartext, Map.of()), 401, "E011101");
    }

    private static JsonNode createAndInspect() {
        long before = Instant.now().getEpochSecond();
        JsonNode created = createKey(Map.of("name", "ci", "expireTime", 0, "roleNames", List.of("Reader"),
                "keyTenants", List.of(Map.of("tenantId", "TestTenant", "roleNames", List.of("Tenant Admin"))),
                "userId", ownerId, "customClaims", Map.of("team", "platform", "level", 3),
                "description", "from CI", "customAttributes", Map.of("env", "prod")));
        JsonNode key = created.get("key");
        assertThat(key.get("id").asText()).matches("K[0-9A-Za-z]{27}");
        assertThat(created.get("cleartext").asText()).doesNotContain(":").hasSizeGreaterThan(40);
        assertThat(key.get("status").asText()).isEqualTo("active");
        assertThat(key.get("createdTime").asLong()).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
        assertThat(key.get("expireTime").asLong()).isZero();
        assertThat(key.get("boundUserId").asText()).isEqualTo(ownerId);
        assertThat(key.get("userId").asText()).isEqualTo(ownerId);
        assertThat(key.get("clientId").asText()).isNotBlank();
        assertThat(key.get("createdBy").asText()).isNotBlank();
        assertThat(key.get("keyTenants").get(0).get("tenantName").asText()).isEqualTo("Test tenant");
        assertThat(key.get("customClaims").get("level").asInt()).isEqualTo(3);
        assertThat(key.has("cleartext")).isFalse();
        return created;
    }

    private static void searchAndUpdate(String id, String cleartext) {
        JsonNode loaded = ok(server.get("/v1/mgmt/accesskey?id=" + id, project.bearer())).get("key");
        assertThat(loaded.get("name").asText()).isEqualTo("ci");
        assertThat(loaded.toString()).doesNotContain(cleartext);

        JsonNode found = ok(mgmt("/v1/mgmt/accesskey/search", Map.of("tenantIds", List.of("TestTenant")))).get("keys");
        assertThat(found).extracting(k -> k.get("id").asText()).contains(id);
        assertThat(ok(mgmt("/v1/mgmt/accesskey/search", Map.of("tenantIds", List.of("nope")))).get("keys")).isEmpty();
        assertThat(ok(mgmt("/v1/mgmt/accesskey/search", Map.of("customAttributes", Map.of("env", "prod")))).get("keys"))
                .extracting(k -> k.get("id").asText()).containsExactly(id);

        JsonNode updated = ok(mgmt("/v1/mgmt/accesskey/update", Map.of("id", id, "name", "ci-renamed"))).get("key");
        assertThat(updated.get("name").asText()).isEqualTo("ci-renamed");
        assertThat(updated.get("description").asText()).as("absent fields stay").isEqualTo("from CI");
        assertThat(updated.get("roleNames")).extracting(JsonNode::asText).containsExactly("Reader");
        assertThat(updated.get("keyTenants")).hasSize(1);
        assertThat(updated.get("customClaims").get("team").asText()).isEqualTo("platform");
    }

    /** The session JWT of section 5, checked claim by claim. */
    private static void exchangeAndCheckSession(String id, String cleartext) throws Exception {
        JsonNode session = ok(exchange(project.id(), cleartext, Map.of("loginOptions",
                Map.of("customClaims", Map.of("sub", "mallory", "k", "v"), "selectedTenant", "TestTenant"))));
        assertThat(session.get("keyId").asText()).isEqualTo(id);
        assertThat(session.has("refreshJwt")).isFalse();
        SignedJWT jwt = verifiedSession(session.get("sessionJwt").asText());
        Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond())
                .isEqualTo(session.get("expiration").asLong());
        assertThat(jwt.getJWTClaimsSet().getIssuer()).endsWith("/" + project.id());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(id);
        assertThat(claims.get("roles")).isEqualTo(List.of("Reader"));
        assertThat(claims.get("permissions")).isEqualTo(List.of("read"));
        assertThat(claims.get("tenants")).isEqualTo(Map.of("TestTenant",
                Map.of("roles", List.of("Tenant Admin"), "permissions", List.of("read", "write"))));
        assertThat(claims.get("team")).isEqualTo("platform");
        assertThat(claims.get("nsec")).isEqualTo(Map.of("sub", "mallory", "k", "v"));
        assertThat(claims.get("dct")).isEqualTo("TestTenant");
        assertThat(claims.get("drn")).isEqualTo("DS");
    }

    /** Verifies a session JWT the way the vendor SDKs do: kid from the header, key from K1, RS256. */
    static SignedJWT verifiedSession(String compact) throws Exception {
        SignedJWT jwt = SignedJWT.parse(compact);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        String kid = jwt.getHeader().getKeyID();
        JsonNode keys = ok(server.get("/v2/keys/" + project.id(), project.id())).get("keys");
        RSAKey key = null;
        for (JsonNode k : keys) {
            if (k.get("kid").asText().equals(kid)) {
                key = JWK.parse(k.toString()).toRSAKey();
            }
        }
        assertThat(key).as("the header's kid is published by K1").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt;
    }

    @Test
    void batchCallsWhenOneIdUnknownThenNothingChanges() {
        String a = createKey(Map.of("name", "a", "expireTime", 0)).get("key").get("id").asText();
        String b = createKey(Map.of("name", "b", "expireTime", 0)).get("key").get("id").asText();

        assertError(mgmt("/v1/mgmt/accesskey/deactivate/batch", Map.of("ids", List.of(a, "Kunknown"))), 404, "E011103");
        assertThat(server.get("/v1/mgmt/accesskey?id=" + a, project.bearer()).json().get("key").get("status").asText())
                .isEqualTo("active");
        assertThat(mgmt("/v1/mgmt/accesskey/deactivate/batch", Map.of("ids", List.of(a, b))).body()).isEqualTo("{}");
        assertThat(server.get("/v1/mgmt/accesskey?id=" + b, project.bearer()).json().get("key").get("status").asText())
                .isEqualTo("inactive");
        assertThat(mgmt("/v1/mgmt/accesskey/activate/batch", Map.of("ids", List.of(a, b))).body()).isEqualTo("{}");

        assertError(mgmt("/v1/mgmt/accesskey/delete/batch", Map.of("ids", List.of(a, b, "Kunknown"))), 404, "E011103");
        assertThat(server.get("/v1/mgmt/accesskey?id=" + a, project.bearer()).status()).isEqualTo(200);
        assertThat(mgmt("/v1/mgmt/accesskey/delete/batch", Map.of("ids", List.of(a, b))).body()).isEqualTo("{}");
        assertThat(server.get("/v1/mgmt/accesskey?id=" + b, project.bearer()).status()).isEqualTo(404);
        assertError(mgmt("/v1/mgmt/accesskey/delete/batch", Map.of("ids", List.of())), 400, "E011002");
    }

    @Test
    void signingKeysWhenFetchedThenRsaOnlyWithKidAndMalformedProjectIdRefused() {
        JsonNode keys = ok(server.get("/v2/keys/" + project.id(), project.id())).get("keys");
        assertThat(keys).isNotEmpty();
        for (JsonNode k : keys) {
            assertThat(k.get("kty").asText()).isEqualTo("RSA");
            assertThat(k.get("alg").asText()).isEqualTo("RS256");
            assertThat(k.get("use").asText()).isEqualTo("sig");
            assertThat(k.get("kid").asText()).isNotBlank();
            assertThat(k.has("d")).isFalse();
        }
        assertError(server.get("/v2/keys/P:colon", null), 400, "E011004");
    }

    @Test
    void referencesWhenUnknownRoleOrTenantThen400NamingTheField() {
        TestResponse role = mgmt("/v1/mgmt/accesskey/create", Map.of("name", "x", "expireTime", 0, "roleNames", List.of("Ghost")));
        assertError(role, 400, "E011004");
        assertThat(role.text("field")).isEqualTo("roleNames[0]");
        TestResponse tenant = mgmt("/v1/mgmt/accesskey/create", Map.of("name", "x", "expireTime", 0,
                "keyTenants", List.of(Map.of("tenantId", "Ghost"))));
        assertThat(tenant.text("field")).isEqualTo("keyTenants[0].tenantId");
        assertThat(mgmt("/v1/mgmt/accesskey/create", Map.of("expireTime", 0)).text("errorCode")).isEqualTo("E011002");
        assertThat(mgmt("/v1/mgmt/accesskey/create", Map.of("name", "x", "expireTime", 1)).text("field"))
                .isEqualTo("expireTime");
        assertThat(mgmt("/v1/mgmt/accesskey/create", Map.of("name", "x", "permittedIps", List.of("10.0.0.0/33"))).text("field"))
                .isEqualTo("permittedIps[0]");
    }

    @Test
    void rolesAndTenantsWhenDeletedThenKeysLoseThem() throws Exception {
        ok(mgmt("/v1/mgmt/role/create", Map.of("name", "Temp", "permissionNames", List.of("temp:use"))));
        ok(mgmt("/v1/mgmt/tenant/create", Map.of("id", "Gone", "name", "Gone tenant")));
        assertThat(ok(server.get("/v1/mgmt/permission/all", project.bearer())).get("permissions"))
                .extracting(p -> p.get("name").asText()).contains("read", "temp:use");
        JsonNode created = createKey(Map.of("name", "temp", "expireTime", 0, "roleNames", List.of("Temp", "Reader"),
                "keyTenants", List.of(Map.of("tenantId", "Gone", "roleNames", List.of("Temp")))));
        String id = created.get("key").get("id").asText();

        ok(mgmt("/v1/mgmt/role/delete", Map.of("name", "Temp", "tenantId", "")));
        ok(mgmt("/v1/mgmt/tenant/delete", Map.of("id", "Gone", "cascade", false)));
        JsonNode key = ok(server.get("/v1/mgmt/accesskey?id=" + id, project.bearer())).get("key");
        assertThat(key.get("roleNames")).extracting(JsonNode::asText).containsExactly("Reader");
        assertThat(key.get("keyTenants")).isEmpty();
        assertThat(ok(server.get("/v1/mgmt/role/all", project.bearer())).get("roles"))
                .extracting(r -> r.get("name").asText()).doesNotContain("Temp").contains("Reader");
        assertThat(ok(server.get("/v1/mgmt/tenant/all", project.bearer())).get("tenants"))
                .extracting(t -> t.get("id").asText()).doesNotContain("Gone").contains("TestTenant");
        assertError(mgmt("/v1/mgmt/role/create", Map.of("name", "Reader")), 400, "E011003");
        assertError(mgmt("/v1/mgmt/role/create", Map.of("name", "admin")), 400, "E011004");

        ok(mgmt("/v1/mgmt/role/create", Map.of("name", "Shrinking", "permissionNames", List.of("p:keep", "p:drop"))));
        ok(mgmt("/v1/mgmt/permission/delete", Map.of("name", "p:drop")));
        JsonNode shrunk = null;
        for (JsonNode r : ok(server.get("/v1/mgmt/role/all", project.bearer())).get("roles")) {
            shrunk = r.get("name").asText().equals("Shrinking") ? r : shrunk;
        }
        assertThat(shrunk.get("permissionNames")).extracting(JsonNode::asText).containsExactly("p:keep");
    }

    @Test
    void managementKeysWhenManagedThroughTheDialectThenScopedToTheirProject() {
        assertThat(ok(server.get("/v1/mgmt/license", project.bearer())).get("rateLimitTier").asText()).isNotBlank();
        JsonNode created = ok(server.put("/v1/mgmt/managementkey", project.bearer(), Map.of("name", "second",
                "reBac", Map.of("projectRoles", List.of(Map.of("projectIds", List.of(project.id()), "roles", List.of("admin")))),
                "expiresIn", 3600)));
        String id = created.get("key").get("id").asText();
        String second = project.id() + ":" + created.get("cleartext").asText();
        assertThat(created.get("key").get("expireTime").asLong()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(ok(server.get("/v1/mgmt/managementkey/search", second)).get("keys"))
                .extracting(k -> k.get("id").asText()).contains(id);
        assertThat(ok(server.get("/v1/mgmt/managementkey?id=" + id, second)).get("key").get("name").asText()).isEqualTo("second");

        JsonNode patched = ok(server.patch("/v1/mgmt/managementkey", project.bearer(), Map.of("id", id, "name", "second",
                "description", "off", "status", "inactive"))).get("key");
        assertThat(patched.get("status").asText()).isEqualTo("inactive");
        assertError(server.get("/v1/mgmt/managementkey/search", second), 401, "E011101");
        assertThat(server.post("/v1/mgmt/managementkey/delete", project.bearer(), Map.of("ids", List.of(id))).body())
                .isEqualTo("{}");
        assertError(server.get("/v1/mgmt/managementkey?id=" + id, project.bearer()), 404, "E011103");

        TestResponse escalation = server.put("/v1/mgmt/managementkey", project.bearer(), Map.of("name", "x",
                "reBac", Map.of("projectRoles", List.of(Map.of("projectIds", List.of("P000000000000000000000000000"),
                        "roles", List.of("admin"))))));
        assertError(escalation, 400, "E011004");
        assertThat(escalation.text("field")).isEqualTo("reBac.projectRoles[0].projectIds");
        assertError(server.put("/v1/mgmt/managementkey", project.bearer(), Map.of("name", "x",
                "reBac", Map.of("companyRoles", List.of("admin")))), 400, "E011004");
    }

    @Test
    void nativeApiWhenOwnerManagesThenManagementKeysTenantsRolesAndKeysWork() {
        String base = "/iam/v1/projects/" + project.id();
        TestResponse created = server.post(base + "/management-keys", owner, Map.of("name", "native", "permittedIps",
                List.of("127.0.0.1", "::1")));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String keyId = created.text("key.id");
        String bearer = project.id() + ":" + created.text("cleartext");
        assertThat(server.get(base + "/management-keys", owner).body()).contains(keyId).doesNotContain(created.text("cleartext"));
        assertThat(server.get("/v1/mgmt/role/all", bearer).status()).isEqualTo(200);
        assertThat(server.post(base + "/management-keys/" + keyId + "/deactivate", owner, "").text("status"))
                .isEqualTo("inactive");
        assertThat(server.get("/v1/mgmt/role/all", bearer).status()).isEqualTo(401);
        assertThat(server.delete(base + "/management-keys/" + keyId, owner).status()).isEqualTo(204);
        assertThat(server.get(base + "/management-keys/" + keyId, owner).status()).isEqualTo(404);

        assertThat(server.post(base + "/permissions", owner, Map.of("name", "native:perm")).status()).isEqualTo(200);
        assertThat(server.post(base + "/roles", owner, Map.of("name", "Native", "permissionNames", List.of("native:perm")))
                .text("name")).isEqualTo("Native");
        assertThat(server.post(base + "/tenants", owner, Map.of("name", "Native tenant")).text("id")).matches("T[0-9A-Za-z]{27}");
        assertThat(server.get(base + "/roles", owner).body()).contains("Native");
        assertThat(server.post(base + "/roles", owner, Map.of("name", "x", "unknown", 1)).status())
                .as("the native API rejects unknown members").isEqualTo(400);

        TestResponse key = server.post(base + "/access-keys", owner, Map.of("name", "cli", "roleNames", List.of("Native")));
        assertThat(key.status()).as(key.body()).isEqualTo(200);
        String accessKeyId = key.text("key.id");
        assertThat(ok(exchange(project.id(), key.text("cleartext"), Map.of())).get("keyId").asText()).isEqualTo(accessKeyId);
        assertThat(server.patch(base + "/access-keys/" + accessKeyId, owner, Map.of("description", "d")).text("key.name"))
                .isEqualTo("cli");
        assertThat(server.get(base + "/access-keys", owner).body()).contains(accessKeyId);
        assertThat(server.delete(base + "/roles/Native", owner).status()).isEqualTo(204);
        assertThat(server.delete(base + "/access-keys/" + accessKeyId, owner).status()).isEqualTo(204);
        assertThat(server.get(base + "/access-keys/" + accessKeyId, owner).status()).isEqualTo(404);
    }

    @Test
    void projectWhenDeletedThenItsKeysGoWithIt() {
        ManagedProject doomed = ManagedProjects.create(server, owner, "doomed");
        assertThat(server.post("/v1/mgmt/tenant/create", doomed.bearer(), Map.of("id", "t1", "name", "t1")).status())
                .isEqualTo(200);
        assertThat(server.post("/v1/mgmt/role/create", doomed.bearer(), Map.of("name", "R", "permissionNames", List.of("p")))
                .status()).isEqualTo(200);
        String cleartext = server.post("/v1/mgmt/accesskey/create", doomed.bearer(), Map.of("name", "k", "roleNames",
                List.of("R"), "keyTenants", List.of(Map.of("tenantId", "t1", "roleNames", List.of("R"))))).text("cleartext");
        assertThat(server.delete("/iam/v1/projects/" + doomed.id(), owner).status()).isEqualTo(204);
        assertError(exchange(doomed.id(), cleartext, Map.of()), 401, "E011101");
        assertError(server.get("/v1/mgmt/role/all", doomed.bearer()), 401, "E011101");
    }

    @Test
    void nativeApiWhenCallerOutsideTheProjectThenNotFound() {
        assertThat(server.post("/iam/v1/users", owner, Map.of("email", "other@example.com", "password", "other password")).status())
                .isEqualTo(200);
        String other = server.login("other@example.com", "other password");
        String base = "/iam/v1/projects/" + project.id();
        assertThat(server.post(base + "/management-keys", other, Map.of("name", "steal")).status()).isEqualTo(404);
        assertThat(server.get(base + "/access-keys", other).status()).isEqualTo(404);
        assertThat(server.post(base + "/management-keys", null, Map.of("name", "anon")).status()).isIn(401, 403);
    }
}
