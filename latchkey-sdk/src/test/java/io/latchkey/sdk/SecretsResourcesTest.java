package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secrets-dialect resources against a fake network: what goes on the wire, what comes back, auth modes. */
class SecretsResourcesTest {
    private static final String SECRET = "{\"secret\":{\"id\":\"s-1\",\"_id\":\"s-1\",\"workspace\":\"P1\",\"environment\":\"prod\","
            + "\"secretKey\":\"DB_PASSWORD\",\"secretValue\":\"hunter2\",\"secretValueHidden\":false,\"secretPath\":\"/db\","
            + "\"type\":\"shared\",\"version\":3,\"tags\":[],\"createdAt\":\"2026-01-01T00:00:00Z\"}}";

    private final FakeTransport transport = new FakeTransport();

    private LatchkeyClient client(Credentials credentials) {
        return LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").transport(transport).credentials(credentials).build();
    }

    private LatchkeyClient identity() {
        return client(Credentials.identityToken(TestTokens.ofUse("identity")));
    }

    private static String body(HttpTransport.Request r) {
        return r.body() == null ? null : new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void getWhenCalledThenQueryNamesLocationAndSecretValueIsReadButNeverPrinted() {
        transport.on("GET /api/v3/secrets/raw/DB_PASSWORD", r -> FakeTransport.json(200, SECRET));
        Secret s = identity().secrets().get(new SecretLocation("P1", "prod", "/db"), "DB_PASSWORD");
        assertThat(transport.last().uri().getRawQuery()).isEqualTo("workspaceId=P1&environment=prod&secretPath=%2Fdb"
                + "&expandSecretReferences=true&include_imports=false&viewSecretValue=true");
        assertThat(s.key()).isEqualTo("DB_PASSWORD");
        assertThat(s.value()).isEqualTo("hunter2");
        assertThat(s.version()).isEqualTo(3);
        assertThat(s.path()).isEqualTo("/db");
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(JsonCodec.write(s.masked())).doesNotContain("hunter2").contains("\"secretKey\":\"DB_PASSWORD\"");
    }

    @Test
    void deleteWhenCalledThenLocationTravelsInTheBodyOfTheDelete() {
        transport.on("DELETE /api/v3/secrets/raw/DB_PASSWORD", r -> FakeTransport.json(200, SECRET));
        identity().secrets().delete(new SecretLocation("P1", "prod", "/db"), "DB_PASSWORD");
        assertThat(transport.last().method()).isEqualTo("DELETE");
        assertThat(body(transport.last())).isEqualTo("{\"workspaceId\":\"P1\",\"environment\":\"prod\",\"secretPath\":\"/db\"}");
    }

    @Test
    void upsertAllWhenCalledThenOnePatchInUpsertMode() {
        transport.on("PATCH /api/v3/secrets/batch/raw", r -> FakeTransport.json(200, "{\"secrets\":[]}"));
        identity().secrets().upsertAll(SecretLocation.of("P1", "dev"), List.of(SecretWrite.of("A", "1"), SecretWrite.of("B", "2")));
        assertThat(body(transport.last())).isEqualTo("{\"workspaceId\":\"P1\",\"environment\":\"dev\",\"secretPath\":\"/\","
                + "\"secrets\":[{\"secretKey\":\"A\",\"secretValue\":\"1\"},{\"secretKey\":\"B\",\"secretValue\":\"2\"}],"
                + "\"mode\":\"upsert\"}");
    }

    @Test
    void effectiveValuesWhenImportsOverlapThenOwnSecretsWinThenEarlierImports() {
        SecretListing l = JsonCodec.read("{\"secrets\":[{\"secretKey\":\"A\",\"secretValue\":\"own\"}],\"imports\":["
                + "{\"secretPath\":\"/\",\"environment\":\"prod\",\"secrets\":[{\"secretKey\":\"A\",\"secretValue\":\"i1\"},"
                + "{\"secretKey\":\"B\",\"secretValue\":\"i1\"}]},"
                + "{\"secretPath\":\"/x\",\"environment\":\"prod\",\"secrets\":[{\"secretKey\":\"B\",\"secretValue\":\"i2\"},"
                + "{\"secretKey\":\"C\",\"secretValue\":\"i2\"}]}]}", SecretListing.class);
        assertThat(l.effectiveValues()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("A", "own", "B", "i1", "C", "i2"));
    }

    @Test
    void kmsListWhenMorePagesThenFollowsOffsetsUntilTotal() {
        transport.on("GET /api/v1/kms/keys", r -> {
            String q = r.uri().getRawQuery();
            return q.contains("offset=0")
                    ? FakeTransport.json(200, "{\"keys\":[" + key("k1") + "," + key("k2") + "],\"totalCount\":3}")
                    : FakeTransport.json(200, "{\"keys\":[" + key("k3") + "],\"totalCount\":3}");
        });
        assertThat(identity().kms().list("P1").stream().map(KmsKey::name).toList()).containsExactly("k1", "k2", "k3");
        assertThat(transport.count("GET /api/v1/kms/keys")).isEqualTo(2);
    }

    private static String key(String name) {
        return "{\"id\":\"" + name + "\",\"name\":\"" + name + "\",\"keyUsage\":\"encrypt-decrypt\",\"version\":1,"
                + "\"encryptionAlgorithm\":\"aes-256-gcm\",\"isDisabled\":false}";
    }

    @Test
    void resourcesWhenWrongCredentialKindThenAuthModeExceptionBeforeAnyRequest() {
        LatchkeyClient accessKey = client(Credentials.staticToken("t", AuthMode.ACCESS_KEY));
        LatchkeyClient pat = client(Credentials.staticToken("t", AuthMode.PAT));
        assertThatThrownBy(() -> accessKey.secrets().list(SecretLocation.of("P1", "dev"))).isInstanceOf(AuthModeException.class)
                .hasMessageContaining("secrets");
        assertThatThrownBy(() -> accessKey.kms().get("k")).isInstanceOf(AuthModeException.class);
        assertThatThrownBy(() -> pat.identities().get("i")).isInstanceOf(AuthModeException.class)
                .hasMessageContaining("identities");
        assertThatThrownBy(() -> pat.universalAuth().get("i")).isInstanceOf(AuthModeException.class);
        assertThatThrownBy(() -> client(Credentials.none()).folders().list(SecretLocation.of("P1", "dev"), false))
                .isInstanceOf(AuthModeException.class);
        assertThat(transport.total()).isZero();
    }

    @Test
    void createdClientSecretWhenPrintedThenSecretMasked() {
        CreatedClientSecret c = JsonCodec.read("{\"clientSecret\":\"cs-very-secret\",\"clientSecretData\":{\"id\":\"x\","
                + "\"clientSecretPrefix\":\"cs-v\",\"clientSecretTTL\":60,\"isClientSecretRevoked\":false,"
                + "\"createdAt\":\"2026-01-01T00:00:00Z\"}}", CreatedClientSecret.class);
        assertThat(c.clientSecret()).isEqualTo("cs-very-secret");
        assertThat(c.clientSecretData().prefix()).isEqualTo("cs-v");
        assertThat(c.clientSecretData().expiresAt()).isEqualTo(java.time.Instant.parse("2026-01-01T00:01:00Z"));
        assertThat(c.toString()).doesNotContain("cs-very-secret");
        assertThat(new IdentityLogin("tok-secret", 1, 2, "Bearer").toString()).doesNotContain("tok-secret");
        assertThat(SecretWrite.of("A", "v-secret").toString()).doesNotContain("v-secret");
    }

    @Test
    void secretLocationWhenPathRelativeThenRejected() {
        assertThatThrownBy(() -> new SecretLocation("P1", "dev", "db")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path must start with /");
        assertThatThrownBy(() -> new SecretLocation(null, "dev", "/")).isInstanceOf(NullPointerException.class)
                .hasMessage("projectId cannot be null");
    }

    @Test
    void resourcesWhenArgumentsMissingOrOutOfRangeThenNamedBeforeAnyRequest() {
        LatchkeyClient c = identity();
        assertThatThrownBy(() -> c.identities().create(null, IdentityRequest.named("x"))).hasMessage("organizationId cannot be null");
        assertThatThrownBy(() -> c.identities().create("o", null)).hasMessage("request cannot be null");
        assertThatThrownBy(() -> c.identities().renewToken(null)).hasMessage("accessToken cannot be null");
        assertThatThrownBy(() -> c.universalAuth().attach("i", null)).hasMessage("settings cannot be null");
        assertThatThrownBy(() -> c.universalAuth().createClientSecret("i", null, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UniversalAuthSettings.defaults().accessTokenTtl(-1)).hasMessage("accessTokenTtl cannot be negative");
        assertThatThrownBy(() -> UniversalAuthSettings.defaults().clientSecretTrustedIps(null))
                .hasMessage("clientSecretTrustedIps cannot be null");
        assertThatThrownBy(() -> c.secrets().create(SecretLocation.of("P1", "dev"), null)).hasMessage("secret cannot be null");
        assertThatThrownBy(() -> c.secrets().upsertAll(SecretLocation.of("P1", "dev"), null)).hasMessage("secrets cannot be null");
        assertThatThrownBy(() -> c.secrets().createAll(SecretLocation.of("P1", "dev"), List.of(SecretWrite.named("A"))))
                .hasMessage("value cannot be null");
        assertThatThrownBy(() -> c.folders().create(SecretLocation.of("P1", "dev"), null)).hasMessage("name cannot be null");
        assertThatThrownBy(() -> c.kms().encrypt("k", null)).hasMessage("plaintext cannot be null");
        assertThatThrownBy(() -> c.kms().sign("k", new byte[1], null, false)).hasMessage("signingAlgorithm cannot be null");
        assertThatThrownBy(() -> c.kms().get(" ")).hasMessage("path segment cannot be blank");
        assertThatThrownBy(() -> c.workspaces().create(null, null)).hasMessage("name cannot be null");
        assertThat(transport.total()).isZero();
    }
}
