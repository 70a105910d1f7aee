package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project-scoped access-key resources over a fake network: paths, bodies, auth modes, errors. */
class AccessKeysApiTest {
    private static final String PROJECT = "P" + "b".repeat(27);
    private static final String BASE = "/iam/v1/projects/" + PROJECT;
    private static final String KEY_JSON = "{\"id\":\"K1\",\"name\":\"ci\",\"roleNames\":[\"Reader\"],\"keyTenants\":[{\"tenantId\":\"acme\","
            + "\"tenantName\":\"Acme\",\"roleNames\":[\"Reader\"]}],\"status\":\"active\",\"createdTime\":1767225600,"
            + "\"expireTime\":0,\"clientId\":\"K1\",\"customClaims\":{\"team\":\"platform\"},\"permittedIps\":[]}";
    private static final String USER_TOKEN = TestTokens.ofUse("user");

    private final FakeTransport transport = new FakeTransport();

    private AccessKeysApi keys(String token) {
        return LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").transport(transport)
                .credentials(Credentials.staticToken(token)).build().accessKeys(PROJECT);
    }

    private String body() {
        return new String(transport.last().body(), StandardCharsets.UTF_8);
    }

    @Test
    void createWhenBuiltWithOptionsThenPostsTheWireShapeAndReturnsCleartextOnce() {
        transport.on("POST " + BASE + "/access-keys", r -> FakeTransport.json(200, "{\"key\":" + KEY_JSON + ",\"cleartext\":\"s3cr3t\"}"));
        CreatedAccessKey created = keys(USER_TOKEN).create(NewAccessKey.named("ci").withRoles("Reader").withTenant("acme", "Reader")
                .withCustomClaim("team", "platform").expiringAt(java.time.Instant.ofEpochSecond(1_900_000_000L))
                .withPermittedIps(List.of("10.0.0.0/8")));
        assertThat(created.cleartext()).isEqualTo("s3cr3t");
        assertThat(created.key().active()).isTrue();
        assertThat(created.key().expiresAt()).isNull();
        assertThat(created.key().keyTenants().get(0).tenantName()).isEqualTo("Acme");
        assertThat(body()).isEqualTo("{\"name\":\"ci\",\"expireTime\":1900000000,\"roleNames\":[\"Reader\"],"
                + "\"keyTenants\":[{\"tenantId\":\"acme\",\"roleNames\":[\"Reader\"]}],\"customClaims\":{\"team\":\"platform\"},"
                + "\"permittedIps\":[\"10.0.0.0/8\"]}");
        assertThat(transport.last().header("Authorization")).isEqualTo("Bearer " + USER_TOKEN);
    }

    @Test
    void updateWhenOnlyNameChangedThenOtherMembersAbsent() {
        transport.on("PATCH " + BASE + "/access-keys/K1", r -> FakeTransport.json(200, "{\"key\":" + KEY_JSON + "}"));
        AccessKey k = keys(USER_TOKEN).update("K1", AccessKeyUpdate.changes().withName("renamed"));
        assertThat(k.id()).isEqualTo("K1");
        assertThat(body()).isEqualTo("{\"name\":\"renamed\"}");
    }

    @Test
    void statusCallsWhenMadeThenHitTheirPaths() {
        transport.on("POST " + BASE + "/access-keys/K1/deactivate", r -> FakeTransport.json(200,
                "{\"key\":" + KEY_JSON.replace("\"active\"", "\"inactive\"") + "}"));
        transport.on("POST " + BASE + "/access-keys/K1/activate", r -> FakeTransport.json(200, "{\"key\":" + KEY_JSON + "}"));
        transport.on("DELETE " + BASE + "/access-keys/K1", r -> new HttpTransport.Response(204, Map.of(), new byte[0]));
        AccessKeysApi api = keys(USER_TOKEN);
        assertThat(api.deactivate("K1").active()).isFalse();
        assertThat(api.activate("K1").active()).isTrue();
        api.delete("K1");
        assertThat(transport.count("DELETE " + BASE + "/access-keys/K1")).isEqualTo(1);
    }

    @Test
    void listWhenSeveralTenantsThenOneRequestEachMergedById() {
        transport.on("GET " + BASE + "/access-keys", r -> FakeTransport.json(200, r.uri().getQuery().contains("tenantId=acme")
                ? "{\"keys\":[" + KEY_JSON + "]}" : "{\"keys\":[" + KEY_JSON + "," + KEY_JSON.replace("K1", "K2") + "]}"));
        List<AccessKey> found = keys(USER_TOKEN).list(AccessKeyFilter.all().withTenant("acme").withTenant("globex").withBoundUser("u 1"));
        assertThat(found).extracting(AccessKey::id).containsExactly("K1", "K2");
        assertThat(transport.requests()).extracting(r -> r.uri().getRawQuery())
                .containsExactly("tenantId=acme&boundUserId=u%201", "tenantId=globex&boundUserId=u%201");
    }

    @Test
    void callsWhenCredentialsOfWrongKindThenAuthModeExceptionBeforeAnyRequest() {
        AccessKeysApi api = keys(TestTokens.ofUse("identity"));
        assertThatThrownBy(api::list).isInstanceOfSatisfying(AuthModeException.class,
                e -> assertThat(e.getMessage()).contains("access keys").contains("machine identity token"));
        assertThatThrownBy(() -> api.managementKeys().list()).isInstanceOf(AuthModeException.class);
        assertThatThrownBy(() -> api.roles().list()).isInstanceOf(AuthModeException.class);
        assertThatThrownBy(() -> api.permissions().list()).isInstanceOf(AuthModeException.class);
        assertThatThrownBy(() -> api.tenants().list()).isInstanceOf(AuthModeException.class);
        assertThat(transport.total()).isZero();
    }

    @Test
    void exchangeWhenClientHoldsUserTokenThenSendsOnlyTheKey() {
        transport.on("POST /v1/auth/accesskey/exchange", r -> FakeTransport.json(200,
                "{\"keyId\":\"K1\",\"sessionJwt\":\"a.b.c\",\"expiration\":1900000000}"));
        AccessKeySession s = keys(USER_TOKEN).exchange("s3cr3t", ExchangeOptions.NONE.withClaim("job", "nightly"));
        assertThat(s.keyId()).isEqualTo("K1");
        assertThat(s.expiresAt()).isEqualTo(java.time.Instant.ofEpochSecond(1_900_000_000L));
        assertThat(transport.last().header("Authorization")).isEqualTo("Bearer " + PROJECT + ":s3cr3t");
        assertThat(body()).isEqualTo("{\"loginOptions\":{\"customClaims\":{\"job\":\"nightly\"}}}");
    }

    @Test
    void errorsWhenAccessKeyDialectShapeThenTypedWithStableCodeAndField() {
        transport.on("POST /v1/auth/accesskey/exchange", r -> FakeTransport.json(400, "{\"errorCode\":\"E011004\","
                + "\"errorDescription\":\"invalid_field\",\"errorMessage\":\"loginOptions.customClaims.sub is reserved\","
                + "\"message\":\"loginOptions.customClaims.sub is reserved\",\"field\":\"loginOptions.customClaims.sub\"}"));
        assertThatThrownBy(() -> keys(USER_TOKEN).exchange("s3cr3t")).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_field");
            assertThat(e.error().field()).isEqualTo("loginOptions.customClaims.sub");
            assertThat(e.serverMessage()).contains("reserved");
        });
    }

    @Test
    void catalogCallsWhenMadeThenHitTheNativePaths() {
        transport.on("POST " + BASE + "/management-keys", r -> FakeTransport.json(200, "{\"key\":{\"id\":\"M1\",\"projectId\":\""
                + PROJECT + "\",\"name\":\"ci\",\"status\":\"active\",\"createdAt\":\"2026-01-01T00:00:00Z\"},\"cleartext\":\"m-s3cr3t\"}"));
        transport.on("POST " + BASE + "/roles", r -> FakeTransport.json(200, "{\"name\":\"Reader\",\"permissionNames\":[\"read\"]}"));
        transport.on("GET " + BASE + "/tenants/acme one", r -> FakeTransport.json(200, "{\"id\":\"acme one\",\"name\":\"Acme\"}"));
        transport.on("DELETE " + BASE + "/permissions/read", r -> new HttpTransport.Response(204, Map.of(), new byte[0]));
        AccessKeysApi api = keys(USER_TOKEN);
        CreatedManagementKey m = api.managementKeys().create(NewManagementKey.named("ci").expiringIn(java.time.Duration.ofDays(1)));
        assertThat(m.cleartext()).isEqualTo("m-s3cr3t");
        assertThat(m.key().createdAt()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(body()).isEqualTo("{\"name\":\"ci\",\"expiresIn\":86400}");
        assertThat(api.roles().create("Reader", null, List.of("read")).permissionNames()).containsExactly("read");
        assertThat(body()).isEqualTo("{\"name\":\"Reader\",\"permissionNames\":[\"read\"]}");
        assertThat(api.tenants().get("acme one").name()).isEqualTo("Acme");
        assertThat(transport.last().uri().getRawPath()).endsWith("/tenants/acme%20one");
        api.permissions().delete("read");
        assertThat(transport.count("DELETE " + BASE + "/permissions/read")).isEqualTo(1);
    }

    @Test
    void accessKeysWhenProjectIdMalformedThenRefused() {
        LatchkeyClient c = LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").transport(transport).build();
        assertThatThrownBy(() -> c.accessKeys("P1:2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.accessKeys(null)).isInstanceOf(NullPointerException.class).hasMessage("projectId cannot be null");
    }
}
