package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthModeTest {
    private final FakeTransport transport = new FakeTransport();

    private LatchkeyClient client(Credentials credentials) {
        return LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").credentials(credentials).transport(transport).build();
    }

    @Test
    void callWhenNoCredentialsThenAuthModeExceptionBeforeAnyRequest() {
        LatchkeyClient c = client(Credentials.none());
        assertThatThrownBy(() -> c.users().list().firstPage()).isInstanceOf(AuthModeException.class)
                .hasMessageContaining("users requires credentials (user token, machine identity token); this client has none")
                .satisfies(e -> {
                    AuthModeException a = (AuthModeException) e;
                    assertThat(a.currentMode()).isEqualTo(AuthMode.NONE);
                    assertThat(a.allowedModes()).containsExactlyInAnyOrder(AuthMode.USER, AuthMode.IDENTITY);
                    assertThat(a.resource()).isEqualTo("users");
                    assertThat(a.code()).isEqualTo(AuthModeException.CODE);
                    assertThat(a.status()).isZero();
                });
        assertThat(transport.total()).isZero();
    }

    @Test
    void callWhenWrongKindThenNamesCurrentAndAllowedModes() {
        LatchkeyClient c = client(Credentials.staticToken(TestTokens.ofUse("project")));
        assertThatThrownBy(() -> c.keys().rotate(SigningAlgorithm.ES256)).isInstanceOf(AuthModeException.class)
                .hasMessageContaining("admin keys does not accept a project-scoped token; it accepts: user token, machine identity token");
        assertThatThrownBy(() -> c.audit().verify()).isInstanceOf(AuthModeException.class);
        assertThat(transport.total()).isZero();
    }

    @Test
    void callWhenLoginCredentialsOfWrongKindThenNoLoginAttempted() {
        RenewingCredentials pat = new RenewingCredentials(AuthMode.PAT) {
            @Override
            protected AccessToken obtain(RenewalContext context) {
                throw new AssertionError("must not renew for a call that is refused");
            }
        };
        assertThatThrownBy(() -> client(pat).users().get("u1")).isInstanceOf(AuthModeException.class);
        assertThat(transport.total()).isZero();
    }

    @Test
    void publicEndpointWhenClientHoldsTokenThenTokenNotSent() {
        transport.on("POST /api/v1/admin/bootstrap", r -> FakeTransport.json(200, "{\"message\":\"ok\","
                + "\"identity\":{\"id\":\"i\",\"credentials\":{\"token\":\"admin-token\"}}}"));
        transport.on("GET /iam/.well-known/jwks.json", r -> FakeTransport.json(200, "{\"keys\":[]}"));
        LatchkeyClient c = client(Credentials.staticToken(TestTokens.ofUse("user")));
        assertThat(c.admin().bootstrap(new BootstrapRequest("a@example.com", "pw", "Acme")).adminToken()).isEqualTo("admin-token");
        c.wellKnown().jwks();
        assertThat(transport.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void authenticatedEndpointWhenAllowedThenBearerTokenAndStandardHeadersSent() {
        String token = TestTokens.ofUse("identity");
        transport.on("GET /iam/v1/audit/verify", r -> FakeTransport.json(200, "{\"valid\":true,\"eventsChecked\":3}"));
        LatchkeyClient c = LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400/").transport(transport)
                .credentials(Credentials.staticToken(token)).header("X-Team", "blue").build();
        assertThat(c.audit().verify()).isEqualTo(new AuditVerification(true, 3, null, null));
        HttpTransport.Request r = transport.last();
        assertThat(r.uri().toString()).isEqualTo("http://127.0.0.1:8400/iam/v1/audit/verify");
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(r.header("X-Team")).isEqualTo("blue");
        assertThat(r.header("User-Agent")).startsWith("latchkey-sdk-java/");
        assertThat(r.header("X-Request-Id")).isNotBlank();
        assertThat(r.toString()).doesNotContain(token);
    }

    @Test
    void staticTokenWhenKindReadableThenModeFromTokenUse() {
        assertThat(Credentials.staticToken(TestTokens.ofUse("identity")).mode()).isEqualTo(AuthMode.IDENTITY);
        assertThat(Credentials.staticToken(TestTokens.ofUse("user")).mode()).isEqualTo(AuthMode.USER);
        assertThat(Credentials.staticToken("opaque", AuthMode.ACCESS_KEY).mode()).isEqualTo(AuthMode.ACCESS_KEY);
    }

    @Test
    void staticTokenWhenKindUnreadableOrInvalidThenRejected() {
        assertThatThrownBy(() -> Credentials.staticToken("opaque-token")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Credentials.staticToken(token, mode)").hasMessageNotContaining("opaque-token");
        assertThatThrownBy(() -> Credentials.staticToken(TestTokens.withClaims(Map.of("sub", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credentials.staticToken(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("token cannot be null");
        assertThatThrownBy(() -> Credentials.staticToken(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credentials.staticToken("t", AuthMode.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credentials.staticToken("t", null)).hasMessage("mode cannot be null");
    }
}
