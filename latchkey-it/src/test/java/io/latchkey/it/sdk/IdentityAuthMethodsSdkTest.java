package io.latchkey.it.sdk;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.latchkey.sdk.BadRequestException;
import io.latchkey.sdk.BootstrapRequest;
import io.latchkey.sdk.BootstrapResponse;
import io.latchkey.sdk.CreatedIdentityToken;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.Identity;
import io.latchkey.sdk.IdentityLogin;
import io.latchkey.sdk.IdentityRequest;
import io.latchkey.sdk.IdentityToken;
import io.latchkey.sdk.JwtAuth;
import io.latchkey.sdk.JwtAuthSettings;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.sdk.NotFoundException;
import io.latchkey.sdk.OidcAuth;
import io.latchkey.sdk.OidcAuthSettings;
import io.latchkey.sdk.TokenAuth;
import io.latchkey.sdk.TokenAuthSettings;
import io.latchkey.sdk.UnauthorizedException;
import io.latchkey.sdk.ValidationException;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.ExternalJwts;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.latchkey.testkit.TestServer.OWNER_EMAIL;
import static io.latchkey.testkit.TestServer.OWNER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK's token-auth, JWT-auth and OIDC-auth resources against the real server. The outside issuer is a
 * locally generated RSA key; for OIDC a small HTTP server on loopback serves its discovery document and JWK
 * set (no network).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityAuthMethodsSdkTest {
    private static final String SUBJECT = "repo:acme/api:ref:refs/heads/main";

    private final RSAKey issuerKey = ClientAssertions.rsaKey("ci-key-1");
    private final RSAKey stranger = ClientAssertions.rsaKey("ci-key-1");
    private TestServer server;
    private HttpServer issuer;
    private String issuerUrl;
    private LatchkeyClient anonymous;
    private LatchkeyClient admin;
    private String orgId;

    @BeforeAll
    void start() throws Exception {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuerUrl = "http://127.0.0.1:" + issuer.getAddress().getPort();
        serve("/jwks", new JWKSet(issuerKey.toPublicJWK()).toString());
        serve("/.well-known/openid-configuration", "{\"issuer\":\"" + issuerUrl + "\",\"jwks_uri\":\"" + issuerUrl + "/jwks\"}");
        issuer.start();
        server = TestServer.start();
        anonymous = LatchkeyClient.builder().baseUrl(server.baseUrl()).build();
        BootstrapResponse b = anonymous.admin().bootstrap(new BootstrapRequest(OWNER_EMAIL, OWNER_PASSWORD, "Acme"));
        admin = anonymous.withCredentials(Credentials.identityToken(b.adminToken()));
        orgId = b.organization().id();
    }

    @AfterAll
    void stop() {
        server.close();
        issuer.stop(0);
    }

    private void serve(String path, String json) {
        issuer.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private String identity(String name) {
        return admin.identities().create(orgId, IdentityRequest.named(name).withRole("member")).id();
    }

    private String jwt(RSAKey signer, String subject) {
        return ExternalJwts.rs256(signer, issuerUrl, subject, "latchkey", c -> c.claim("env", "prod"));
    }

    @Test
    void jwtAuthWhenStaticKeyAttachedThenTheIssuersJwtLogsInAndOthersAreRefused() {
        String id = identity("sdk-jwt");
        JwtAuth attached = admin.jwtAuth().attach(id, JwtAuthSettings.defaults()
                .staticKeys(List.of(ExternalJwts.publicPem(issuerKey))).boundIssuer(issuerUrl)
                .boundAudiences(List.of("latchkey")).boundSubject("repo:acme/api:*").boundClaims(Map.of("env", List.of("prod")))
                .claimMetadataMapping(Map.of("environment", "env")).accessTokenTtl(600).accessTokenMaxTtl(1200));
        assertThat(attached.configurationType()).isEqualTo("static");
        assertThat(attached.publicKeys()).hasSize(1);
        assertThat(attached.audiences()).containsExactly("latchkey");
        assertThat(attached.boundClaims()).containsEntry("env", "prod");
        assertThat(admin.identities().get(id).authMethods()).contains("jwt-auth");

        IdentityLogin login = anonymous.jwtAuth().login(id, jwt(issuerKey, SUBJECT));
        assertThat(login.expiresIn()).isEqualTo(600);
        assertThat(login.accessTokenMaxTtl()).isEqualTo(1200);
        LatchkeyClient machine = anonymous.withCredentials(Credentials.identityToken(login.accessToken()));
        assertThat(machine.workspaces().create("sdk-jwt-project", null).name()).isEqualTo("sdk-jwt-project");

        assertThatThrownBy(() -> anonymous.jwtAuth().login(id, jwt(stranger, SUBJECT))).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> anonymous.jwtAuth().login(id, jwt(issuerKey, "repo:evil/api:ref:main")))
                .isInstanceOf(UnauthorizedException.class);
        String expired = ExternalJwts.rs256(issuerKey, issuerUrl, SUBJECT, "latchkey",
                c -> c.claim("env", "prod").expirationTime(Date.from(Instant.now().minusSeconds(600))));
        assertThatThrownBy(() -> anonymous.jwtAuth().login(id, expired)).isInstanceOf(UnauthorizedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(expired));
        assertThatThrownBy(() -> anonymous.oidcAuth().login(id, jwt(issuerKey, SUBJECT)))
                .as("a JWT-auth identity does not log in through OIDC auth").isInstanceOf(UnauthorizedException.class);

        JwtAuth updated = admin.jwtAuth().update(id, JwtAuthSettings.defaults().boundSubject("repo:acme/web:*"));
        assertThat(updated.boundSubject()).isEqualTo("repo:acme/web:*");
        assertThat(admin.jwtAuth().get(id).publicKeys()).as("unchanged members stay").hasSize(1);
        assertThatThrownBy(() -> anonymous.jwtAuth().login(id, jwt(issuerKey, SUBJECT))).isInstanceOf(UnauthorizedException.class);

        admin.jwtAuth().revoke(id);
        assertThatThrownBy(() -> machine.workspaces().list()).as("detaching revokes the tokens it issued")
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> admin.jwtAuth().get(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void jwtAuthWhenKeySourceMissingOrInsecureThenValidationNamesTheField() {
        String id = identity("sdk-jwt-bad");
        assertThatThrownBy(() -> admin.jwtAuth().attach(id, JwtAuthSettings.defaults().boundSubject("x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("configurationType");
        assertThatThrownBy(() -> admin.jwtAuth().attach(id, JwtAuthSettings.defaults().jwksUrl("http://example.com/jwks")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("jwksUrl");
        admin.jwtAuth().attach(id, JwtAuthSettings.defaults().jwksUrl(issuerUrl + "/jwks"));
        assertThatThrownBy(() -> admin.jwtAuth().attach(id, JwtAuthSettings.defaults().jwksUrl(issuerUrl + "/jwks")))
                .isInstanceOf(BadRequestException.class);
        assertThat(anonymous.jwtAuth().login(id, jwt(issuerKey, SUBJECT)).accessToken()).isNotBlank();
    }

    @Test
    void oidcAuthWhenDiscoveryUrlAttachedThenIdTokensOfThatIssuerLogIn() {
        String id = identity("sdk-oidc");
        OidcAuth attached = admin.oidcAuth().attach(id, OidcAuthSettings.defaults().oidcDiscoveryUrl(issuerUrl)
                .boundAudiences(List.of("latchkey")).boundSubject(SUBJECT));
        assertThat(attached.oidcDiscoveryUrl()).isEqualTo(issuerUrl);
        assertThat(admin.oidcAuth().get(id).boundSubject()).isEqualTo(SUBJECT);
        IdentityLogin login = anonymous.oidcAuth().login(id, jwt(issuerKey, SUBJECT));
        assertThat(login.accessToken()).isNotBlank();
        assertThatThrownBy(() -> anonymous.oidcAuth().login(id, jwt(stranger, SUBJECT))).isInstanceOf(UnauthorizedException.class);
        assertThat(admin.oidcAuth().update(id, OidcAuthSettings.defaults().accessTokenTtl(60)).accessTokenTtl()).isEqualTo(60);
        assertThat(admin.oidcAuth().revoke(id).identityId()).isEqualTo(id);
        assertThatThrownBy(() -> anonymous.oidcAuth().login(id, jwt(issuerKey, SUBJECT))).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void tokenAuthWhenConfiguredAndTokensRenamedThenRecordsFollow() {
        Identity i = admin.identities().create(orgId, IdentityRequest.named("sdk-token").withRole("member"));
        TokenAuth attached = admin.tokenAuth().attach(i.id(), TokenAuthSettings.defaults().accessTokenTtl(3600)
                .accessTokenMaxTtl(7200).accessTokenNumUsesLimit(50));
        assertThat(attached.accessTokenNumUsesLimit()).isEqualTo(50);
        assertThat(admin.tokenAuth().update(i.id(), TokenAuthSettings.defaults().accessTokenTrustedIps(List.of("127.0.0.1/32")))
                .accessTokenTrustedIps()).extracting(io.latchkey.sdk.TrustedIp::cidr).containsExactly("127.0.0.1/32");
        assertThat(admin.tokenAuth().get(i.id()).accessTokenTtl()).isEqualTo(3600);
        assertThatThrownBy(() -> admin.tokenAuth().update(i.id(), TokenAuthSettings.defaults().accessTokenTtl(9000)))
                .as("TTL above max TTL").isInstanceOf(ValidationException.class);

        CreatedIdentityToken t = admin.tokenAuth().createToken(i.id(), "deploy");
        IdentityToken renamed = admin.tokenAuth().renameToken(t.tokenData().id(), "deploy-v2");
        assertThat(renamed.name()).isEqualTo("deploy-v2");
        assertThat(admin.tokenAuth().getToken(t.tokenData().id()).numUsesLimit()).isEqualTo(50);
        LatchkeyClient byToken = anonymous.withCredentials(Credentials.identityToken(t.accessToken()));
        assertThat(byToken.workspaces().list()).isNotNull();

        admin.tokenAuth().revoke(i.id());
        assertThatThrownBy(() -> byToken.workspaces().list()).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> admin.tokenAuth().get(i.id())).isInstanceOf(NotFoundException.class);
    }
}
