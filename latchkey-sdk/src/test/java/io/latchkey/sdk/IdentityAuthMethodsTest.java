package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Token auth, JWT auth and OIDC auth resources against a fake network: the bodies and paths they send,
 * the envelopes they read, logins without credentials, and the guards that run before any request.
 */
class IdentityAuthMethodsTest {
    private static final String JWT_AUTH = "{\"identityJwtAuth\":{\"id\":\"c-1\",\"identityId\":\"i-1\",\"configurationType\":"
            + "\"static\",\"jwksUrl\":\"\",\"jwksCaCert\":\"\",\"publicKeys\":[\"PEM\"],\"boundIssuer\":\"https://issuer\","
            + "\"boundAudiences\":\"latchkey, other\",\"boundClaims\":{\"env\":\"prod, staging\"},\"boundSubject\":\"repo:*\","
            + "\"claimMetadataMapping\":{\"team\":\"team\"},\"accessTokenTTL\":600,\"accessTokenMaxTTL\":3600,"
            + "\"accessTokenNumUsesLimit\":0,\"accessTokenPeriod\":0,\"accessTokenTrustedIps\":[{\"ipAddress\":\"10.0.0.0\","
            + "\"prefix\":8,\"type\":\"ipv4\"}],\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}}";
    private static final String OIDC_AUTH = "{\"identityOidcAuth\":{\"id\":\"c-2\",\"identityId\":\"i-1\",\"oidcDiscoveryUrl\":"
            + "\"https://issuer\",\"caCert\":\"\",\"boundIssuer\":\"\",\"boundAudiences\":\"\",\"boundClaims\":{},"
            + "\"boundSubject\":\"\",\"claimMetadataMapping\":{},\"accessTokenTTL\":2592000,\"accessTokenMaxTTL\":2592000,"
            + "\"accessTokenNumUsesLimit\":0,\"accessTokenPeriod\":0,\"accessTokenTrustedIps\":[]}}";
    private static final String LOGIN = "{\"accessToken\":\"tok-secret\",\"expiresIn\":600,\"accessTokenMaxTTL\":3600,"
            + "\"tokenType\":\"Bearer\"}";

    private final FakeTransport transport = new FakeTransport();

    private LatchkeyClient client(Credentials credentials) {
        return LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").transport(transport).credentials(credentials).build();
    }

    private LatchkeyClient admin() {
        return client(Credentials.identityToken(TestTokens.ofUse("identity")));
    }

    private static String body(HttpTransport.Request r) {
        return r.body() == null ? null : new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void jwtAuthAttachWhenStaticKeysAndBindingsThenWireNamesAndJoinedListsAreSent() {
        transport.on("POST /api/v1/auth/jwt-auth/identities/i-1", r -> FakeTransport.json(200, JWT_AUTH));
        JwtAuth c = admin().jwtAuth().attach("i-1", JwtAuthSettings.defaults().staticKeys(List.of("PEM"))
                .boundIssuer("https://issuer").boundAudiences(List.of("latchkey", " other "))
                .boundSubject("repo:*").boundClaims(Map.of("env", List.of("prod", "staging")))
                .claimMetadataMapping(Map.of("team", "team")).accessTokenTtl(600).accessTokenMaxTtl(3600)
                .accessTokenTrustedIps(List.of("10.0.0.0/8")));
        assertThat(body(transport.last())).isEqualTo("{\"configurationType\":\"static\",\"publicKeys\":[\"PEM\"],"
                + "\"boundIssuer\":\"https://issuer\",\"boundAudiences\":\"latchkey, other\",\"boundSubject\":\"repo:*\","
                + "\"boundClaims\":{\"env\":\"prod, staging\"},\"claimMetadataMapping\":{\"team\":\"team\"},"
                + "\"accessTokenTTL\":600,\"accessTokenMaxTTL\":3600,\"accessTokenTrustedIps\":[{\"ipAddress\":\"10.0.0.0/8\"}]}");
        assertThat(c.configurationType()).isEqualTo("static");
        assertThat(c.audiences()).containsExactly("latchkey", "other");
        assertThat(c.boundClaims()).containsEntry("env", "prod, staging");
        assertThat(c.accessTokenTtl()).isEqualTo(600);
        assertThat(c.accessTokenTrustedIps()).extracting(TrustedIp::cidr).containsExactly("10.0.0.0/8");
    }

    @Test
    void oidcAuthWhenGetUpdateRevokeThenEachUsesItsMethodAndTheOidcEnvelope() {
        String path = "/api/v1/auth/oidc-auth/identities/i-1";
        transport.on("GET " + path, r -> FakeTransport.json(200, OIDC_AUTH)).on("PATCH " + path, r -> FakeTransport.json(200, OIDC_AUTH))
                .on("DELETE " + path, r -> FakeTransport.json(200, OIDC_AUTH));
        LatchkeyClient c = admin();
        assertThat(c.oidcAuth().get("i-1").oidcDiscoveryUrl()).isEqualTo("https://issuer");
        assertThat(c.oidcAuth().get("i-1").audiences()).isEmpty();
        c.oidcAuth().update("i-1", OidcAuthSettings.defaults().boundSubject("repo:acme/*"));
        assertThat(body(transport.last())).isEqualTo("{\"boundSubject\":\"repo:acme/*\"}");
        assertThat(c.oidcAuth().revoke("i-1").id()).isEqualTo("c-2");
        assertThat(transport.last().method()).isEqualTo("DELETE");
        assertThat(transport.last().body()).isNull();
    }

    @Test
    void loginWhenJwtOrOidcThenPostsIdentityAndJwtWithoutCredentialsAndNeverPrintsTheToken() {
        transport.on("POST /api/v1/auth/jwt-auth/login", r -> FakeTransport.json(200, LOGIN))
                .on("POST /api/v1/auth/oidc-auth/login", r -> FakeTransport.json(200, LOGIN));
        LatchkeyClient anonymous = client(Credentials.none());
        IdentityLogin a = anonymous.jwtAuth().login("i-1", "h.p.s");
        assertThat(body(transport.last())).contains("\"identityId\":\"i-1\"").contains("\"jwt\":\"h.p.s\"");
        assertThat(transport.last().header("Authorization")).isNull();
        IdentityLogin b = admin().oidcAuth().login("i-1", "h.p.s");
        assertThat(transport.last().uri().getPath()).isEqualTo("/api/v1/auth/oidc-auth/login");
        assertThat(transport.last().header("Authorization")).as("a login sends no token, whoever holds the client").isNull();
        assertThat(a.accessToken()).isEqualTo("tok-secret");
        assertThat(b.expiresIn()).isEqualTo(600);
        assertThat(a.toString()).doesNotContain("tok-secret");
    }

    @Test
    void loginWhenRefusedThenUnauthorizedAndOneRequestOnly() {
        transport.on("POST /api/v1/auth/jwt-auth/login", r -> FakeTransport.json(401, "{\"reqId\":\"r-1\",\"statusCode\":401,"
                + "\"message\":\"the JWT was not accepted for this identity\",\"error\":\"UnauthorizedError\"}"));
        assertThatThrownBy(() -> client(Credentials.none()).jwtAuth().login("i-1", "h.p.s"))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("not accepted").hasMessageNotContaining("h.p.s");
        assertThat(transport.count("POST /api/v1/auth/jwt-auth/login")).isEqualTo(1);
    }

    @Test
    void tokenAuthWhenConfiguredAndTokensManagedThenPathsAndBodiesFollowTheSpec() {
        String config = "{\"identityTokenAuth\":{\"id\":\"i-1\",\"identityId\":\"i-1\",\"accessTokenTTL\":3600,"
                + "\"accessTokenMaxTTL\":7200,\"accessTokenNumUsesLimit\":5,\"accessTokenTrustedIps\":[]}}";
        String token = "{\"token\":{\"id\":\"t-1\",\"name\":\"deploy-2\",\"identityId\":\"i-1\",\"accessTokenNumUses\":0,"
                + "\"accessTokenNumUsesLimit\":5,\"isAccessTokenRevoked\":false,\"authMethod\":\"token-auth\"}}";
        String base = "/api/v1/auth/token-auth/identities/i-1";
        transport.on("POST " + base, r -> FakeTransport.json(200, config)).on("PATCH " + base, r -> FakeTransport.json(200, config))
                .on("GET " + base, r -> FakeTransport.json(200, config)).on("DELETE " + base, r -> FakeTransport.json(200, config))
                .on("GET /api/v1/auth/token-auth/tokens/t-1", r -> FakeTransport.json(200, token))
                .on("PATCH /api/v1/auth/token-auth/tokens/t-1", r -> FakeTransport.json(200, token));
        LatchkeyClient c = admin();
        TokenAuth attached = c.tokenAuth().attach("i-1", TokenAuthSettings.defaults().accessTokenTtl(3600).accessTokenMaxTtl(7200)
                .accessTokenNumUsesLimit(5));
        assertThat(body(transport.last())).isEqualTo("{\"accessTokenTTL\":3600,\"accessTokenMaxTTL\":7200,\"accessTokenNumUsesLimit\":5}");
        assertThat(attached.accessTokenNumUsesLimit()).isEqualTo(5);
        c.tokenAuth().attach("i-1");
        assertThat(body(transport.last())).isEqualTo("{}");
        assertThat(c.tokenAuth().get("i-1").accessTokenMaxTtl()).isEqualTo(7200);
        c.tokenAuth().update("i-1", TokenAuthSettings.defaults().accessTokenTrustedIps(List.of("127.0.0.1")));
        assertThat(body(transport.last())).isEqualTo("{\"accessTokenTrustedIps\":[{\"ipAddress\":\"127.0.0.1\"}]}");
        assertThat(c.tokenAuth().revoke("i-1").identityId()).isEqualTo("i-1");
        assertThat(c.tokenAuth().getToken("t-1").numUsesLimit()).isEqualTo(5);
        assertThat(c.tokenAuth().renameToken("t-1", "deploy-2").name()).isEqualTo("deploy-2");
        assertThat(body(transport.last())).isEqualTo("{\"name\":\"deploy-2\"}");
    }

    @Test
    void resourcesWhenWrongCredentialKindOrBadArgumentsThenRefusedBeforeAnyRequest() {
        LatchkeyClient pat = client(Credentials.staticToken("t", AuthMode.PAT));
        assertThatThrownBy(() -> pat.jwtAuth().get("i")).isInstanceOf(AuthModeException.class).hasMessageContaining("jwt-auth");
        assertThatThrownBy(() -> pat.oidcAuth().get("i")).isInstanceOf(AuthModeException.class).hasMessageContaining("oidc-auth");
        assertThatThrownBy(() -> pat.tokenAuth().get("i")).isInstanceOf(AuthModeException.class);
        LatchkeyClient c = admin();
        assertThatThrownBy(() -> c.jwtAuth().attach("i", null)).hasMessage("settings cannot be null");
        assertThatThrownBy(() -> c.oidcAuth().update("i", null)).hasMessage("settings cannot be null");
        assertThatThrownBy(() -> c.tokenAuth().update("i", null)).hasMessage("settings cannot be null");
        assertThatThrownBy(() -> c.jwtAuth().login("i", null)).hasMessage("jwt cannot be null");
        assertThatThrownBy(() -> c.oidcAuth().login(null, "j")).hasMessage("identityId cannot be null");
        assertThatThrownBy(() -> c.tokenAuth().renameToken("t", null)).hasMessage("name cannot be null");
        assertThatThrownBy(() -> JwtAuthSettings.defaults().staticKeys(List.of())).hasMessage("pemPublicKeys cannot be empty");
        assertThatThrownBy(() -> JwtAuthSettings.defaults().boundClaims(Map.of("env", List.of("a,b"))))
                .hasMessage("claims[env] values cannot contain a comma");
        assertThatThrownBy(() -> OidcAuthSettings.defaults().accessTokenTtl(-1)).hasMessage("accessTokenTtl cannot be negative");
        assertThatThrownBy(() -> TokenAuthSettings.defaults().accessTokenNumUsesLimit(-1))
                .hasMessage("accessTokenNumUsesLimit cannot be negative");
        assertThatThrownBy(() -> c.jwtAuth().get(" ")).hasMessage("path segment cannot be blank");
        assertThat(transport.total()).isZero();
    }

    @Test
    void settingsWhenChainedThenEachStepIsACopyAndTheLastKeySourceWins() {
        JwtAuthSettings base = JwtAuthSettings.defaults().boundSubject("a");
        JwtAuthSettings jwks = base.staticKeys(List.of("PEM")).jwksUrl("https://issuer/jwks");
        assertThat(base.toBody()).containsOnlyKeys("boundSubject");
        assertThat(jwks.toBody()).containsEntry("configurationType", "jwks").containsEntry("jwksUrl", "https://issuer/jwks")
                .doesNotContainKey("publicKeys");
        assertThatThrownBy(() -> jwks.toBody().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
