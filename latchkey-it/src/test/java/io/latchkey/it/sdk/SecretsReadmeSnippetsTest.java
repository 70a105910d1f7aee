package io.latchkey.it.sdk;

import com.nimbusds.jose.jwk.RSAKey;
import io.latchkey.sdk.BootstrapRequest;
import io.latchkey.sdk.BootstrapResponse;
import io.latchkey.sdk.CreatedClientSecret;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.Identity;
import io.latchkey.sdk.IdentityLogin;
import io.latchkey.sdk.IdentityRequest;
import io.latchkey.sdk.JwtAuthSettings;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.sdk.Secret;
import io.latchkey.sdk.SecretListOptions;
import io.latchkey.sdk.SecretLocation;
import io.latchkey.sdk.SecretWrite;
import io.latchkey.sdk.UniversalAuth;
import io.latchkey.sdk.UniversalAuthSettings;
import io.latchkey.sdk.Workspace;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.ExternalJwts;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java snippets of the README's "Machine identities" and "Secrets and KMS" sections, run against a
 * real server. They are copied verbatim; {@link #readmeWhenSnippetsListedThenEachIsInThisTest()} fails
 * when the README and this test drift apart.
 */
class SecretsReadmeSnippetsTest {

    @Test
    void snippetsWhenRunAgainstServerThenWork() {
        try (TestServer server = TestServer.start()) {
            String serverUrl = server.baseUrl();
            BootstrapResponse boot = LatchkeyClient.builder().baseUrl(serverUrl).build().admin()
                    .bootstrap(new BootstrapRequest(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD, "Acme"));
            String adminToken = boot.adminToken();
            String orgId = boot.organization().id();

            LatchkeyClient admin = LatchkeyClient.builder().baseUrl(serverUrl)
                    .credentials(Credentials.identityToken(adminToken)).build();
            Identity ci = admin.identities().create(orgId, IdentityRequest.named("ci").withRole("member"));
            UniversalAuth ua = admin.universalAuth().attach(ci.id(), UniversalAuthSettings.defaults()
                    .accessTokenTtl(3600).accessTokenMaxTtl(86400).clientSecretTrustedIps(List.of("10.0.0.0/8", "127.0.0.1/32")));
            CreatedClientSecret secret = admin.universalAuth().createClientSecret(ci.id(), "ci runner", 0, 0);

            LatchkeyClient machine = admin.withCredentials(Credentials.universalAuth(ua.clientId(), secret.clientSecret()));
            Workspace project = machine.workspaces().create("payments", "secret-manager"); // the identity becomes its admin

            RSAKey issuerKey = ClientAssertions.rsaKey("issuer-1");
            String issuerPublicKeyPem = ExternalJwts.publicPem(issuerKey);
            String jobJwt = ExternalJwts.rs256(issuerKey, "https://tokens.example.com", "deploy-42", "latchkey", c -> { });
            admin.jwtAuth().attach(ci.id(), JwtAuthSettings.defaults().staticKeys(List.of(issuerPublicKeyPem))
                    .boundIssuer("https://tokens.example.com").boundAudiences(List.of("latchkey")).boundSubject("deploy-*"));
            IdentityLogin login = LatchkeyClient.builder().baseUrl(serverUrl).build().jwtAuth().login(ci.id(), jobJwt);
            LatchkeyClient deployer = admin.withCredentials(Credentials.identityToken(login.accessToken()));
            assertThat(deployer.identities().get(ci.id()).authMethods()).contains("universal-auth", "jwt-auth");

            machine.folders().create(SecretLocation.of(project.id(), "prod"), "db");
            machine.secrets().create(SecretLocation.of(project.id(), "prod").path("/db"), SecretWrite.of("PASSWORD", "first"));
            String next = "second";
            Workspace keys = machine.workspaces().create("keys", "kms");
            String keyId = machine.kms().create(keys.id(), "card", null, null, null).id();

            SecretLocation prod = SecretLocation.of(project.id(), "prod").path("/db");
            machine.secrets().upsertAll(prod, List.of(SecretWrite.of("HOST", "db.internal"), SecretWrite.of("PORT", "5432")));
            Secret password = machine.secrets().get(prod, "PASSWORD");
            machine.secrets().update(prod, SecretWrite.named("PASSWORD").withValue(next).withExpectedVersion(password.version()));
            Map<String, String> env = machine.secrets().list(prod, SecretListOptions.defaults().withImports(true)).effectiveValues();
            String ciphertext = machine.kms().encrypt(keyId, "4111".getBytes(StandardCharsets.UTF_8));

            assertThat(env).containsEntry("PASSWORD", "second").containsEntry("HOST", "db.internal").containsEntry("PORT", "5432");
            assertThat(new String(machine.kms().decrypt(keyId, ciphertext), StandardCharsets.UTF_8)).isEqualTo("4111");
        }
    }

    @Test
    void readmeWhenSnippetsListedThenEachIsInThisTest() throws IOException {
        ReadmeSnippets.assertEachIsRunBy(SecretsReadmeSnippetsTest.class, 3, "## Machine identities", "## Secrets and KMS");
    }
}
