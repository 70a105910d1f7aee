package io.latchkey.it.sdk;

import io.latchkey.sdk.AccessKeySessionClaims;
import io.latchkey.sdk.AccessKeySessionVerifier;
import io.latchkey.sdk.AccessKeysApi;
import io.latchkey.sdk.CreatedAccessKey;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.sdk.NewAccessKey;
import io.latchkey.sdk.UnauthorizedException;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java snippets of the README's "Access keys" section, run against a real server (issue 6 item 7). They
 * are copied verbatim; {@link #readmeWhenAccessKeySnippetsListedThenEachIsInThisTest()} fails when the two drift.
 */
class AccessKeyReadmeSnippetsTest {

    @Test
    void snippetsWhenRunAgainstServerThenWork() {
        try (TestServer server = TestServer.start()) {
            server.bootstrap();
            String serverUrl = server.baseUrl();
            String email = TestServer.OWNER_EMAIL;
            String password = TestServer.OWNER_PASSWORD;
            String projectId = server.post("/iam/v1/projects", server.login(email, password), Map.of("name", "readme")).text("id");
            String issuer = LatchkeyClient.builder().baseUrl(serverUrl).build().wellKnown().openIdConfiguration().issuer();

            LatchkeyClient owner = LatchkeyClient.builder().baseUrl(serverUrl)
                    .credentials(Credentials.userLogin(email, password)).build();
            AccessKeysApi project = owner.accessKeys(projectId);
            project.roles().create("Reader", "reads reports", List.of("reports:read"));
            project.tenants().create("acme", "Acme", null);
            CreatedAccessKey created = project.create(NewAccessKey.named("reporter")
                    .withRoles("Reader").withTenant("acme", "Reader").withCustomClaim("team", "platform"));
            String accessKey = created.cleartext(); // shown this once: put it in a secret manager

            LatchkeyClient machine = LatchkeyClient.builder().baseUrl(serverUrl)
                    .credentials(Credentials.accessKey(projectId, accessKey))
                    .build();
            String sessionJwt = machine.accessToken(); // send as "Authorization: Bearer ..." to your services

            AccessKeySessionVerifier verifier = AccessKeySessionVerifier.builder()
                    .client(machine)      // fetches /v2/keys/<projectId>; no credentials are sent
                    .projectId(projectId)
                    .issuer(issuer)       // the server's issuer; sessions carry <issuer>/<projectId>
                    .build();
            AccessKeySessionClaims session = verifier.verifySession(sessionJwt); // InvalidTokenException: answer 401
            boolean mayRead = session.permissions().contains("reports:read"); // else answer 403
            System.out.println(session.keyId() + " " + session.tenantRoles("acme") + " " + session.customClaims());

            assertThat(mayRead).isTrue();
            assertThat(session.keyId()).isEqualTo(created.key().id());
            assertThat(session.tenantRoles("acme")).containsExactly("Reader");
            project.deactivate(created.key().id());
            assertThatThrownBy(() -> project.exchange(accessKey)).isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void readmeWhenAccessKeySnippetsListedThenEachIsInThisTest() throws IOException {
        ReadmeSnippets.assertEachIsRunBy(AccessKeyReadmeSnippetsTest.class, 3, "## Access keys");
    }
}
