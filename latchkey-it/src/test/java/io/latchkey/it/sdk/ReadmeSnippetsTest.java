package io.latchkey.it.sdk;

import io.latchkey.sdk.AuditEvent;
import io.latchkey.sdk.AuditFilter;
import io.latchkey.sdk.AuditVerification;
import io.latchkey.sdk.AuthzCheck;
import io.latchkey.sdk.AuthzDecision;
import io.latchkey.sdk.BootstrapRequest;
import io.latchkey.sdk.BootstrapResponse;
import io.latchkey.sdk.Claims;
import io.latchkey.sdk.CreateProjectRequest;
import io.latchkey.sdk.CreateTokenRequest;
import io.latchkey.sdk.CreateUserRequest;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.LatchkeyApiException;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.sdk.NotFoundException;
import io.latchkey.sdk.Policy;
import io.latchkey.sdk.Principal;
import io.latchkey.sdk.PrincipalType;
import io.latchkey.sdk.Project;
import io.latchkey.sdk.PublicKeyInfo;
import io.latchkey.sdk.Token;
import io.latchkey.sdk.TokenKeys;
import io.latchkey.sdk.TokenSigningAlgorithm;
import io.latchkey.sdk.TokenVerifier;
import io.latchkey.sdk.User;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's SDK snippets, run against a real server (STYLE.md section 11). The snippets below are
 * copied verbatim from the README; {@link #readmeWhenSdkSnippetsListedThenEachIsInThisTest()} fails when
 * the two drift apart.
 */
class ReadmeSnippetsTest {

    @Test
    void snippetsWhenRunAgainstServerThenWork() {
        try (TestServer server = TestServer.start()) {
            String serverUrl = server.baseUrl();
            String email = TestServer.OWNER_EMAIL;
            String password = TestServer.OWNER_PASSWORD;

            LatchkeyClient anonymous = LatchkeyClient.builder().baseUrl(serverUrl).build();
            BootstrapResponse created = anonymous.admin().bootstrap(new BootstrapRequest(email, password, "Acme"));
            LatchkeyClient admin = anonymous.withCredentials(Credentials.staticToken(created.adminToken()));

            LatchkeyClient client = LatchkeyClient.builder()
                    .baseUrl(serverUrl) // e.g. "http://127.0.0.1:8400"
                    .credentials(Credentials.userLogin(email, password))
                    .build();

            User dev = client.users().create(CreateUserRequest.of("dev@example.com", "a strong password"));
            for (User user : client.users().list()) { // follows the server's cursor page by page
                System.out.println(user.email() + " " + user.status());
            }
            assertThat(client.users().get(dev.id()).email()).isEqualTo("dev@example.com");

            try {
                client.users().get("no-such-user");
            } catch (NotFoundException e) {
                System.err.println(e.serverMessage() + " (request " + e.requestId() + ")");
            } catch (LatchkeyApiException e) {
                System.err.println("HTTP " + e.status() + ": " + e.getMessage());
            }

            for (AuditEvent event : client.audit().list(AuditFilter.all().withAction("auth.*").withOutcome("failure"))) {
                System.out.println(event.occurredAt() + " " + event.action() + " " + event.sourceIp());
            }
            AuditVerification chain = admin.audit().verify();
            System.out.println(chain.valid() ? "intact" : "broken at event " + chain.firstBrokenSeq());
            assertThat(chain.valid()).isTrue();

            String issuer = anonymous.wellKnown().openIdConfiguration().issuer();
            String bearerToken = client.auth().login(email, password).accessToken();
            TokenVerifier verifier = TokenVerifier.builder()
                    .client(client) // fetches /iam/.well-known/jwks.json
                    .issuer(issuer) // the iss of the server's tokens: its public URL
                    .build();
            Claims claims = verifier.verifyAccessToken(bearerToken); // InvalidTokenException: answer 401
            System.out.println(claims.subject() + " " + claims.tokenUse());
            assertThat(claims.subject()).isEqualTo(created.user().id());

            char[] passphrase = "a passphrase of yours".toCharArray();
            Project project = client.projects().create(CreateProjectRequest.of("payments"));
            KeyPair keys = TokenKeys.generate(TokenSigningAlgorithm.ES256); // or TokenKeys.readPublicKey(pem) for your own key
            Token token = client.tokens().create(CreateTokenRequest.of("payments-deployer", TokenSigningAlgorithm.ES256,
                    PublicKeyInfo.jwk(TokenKeys.jwk(keys.getPublic(), "deployer-key", TokenSigningAlgorithm.ES256))));
            String privateKeyPem = TokenKeys.privateKeyPem(keys.getPrivate(), passphrase); // encrypted PKCS#8

            LatchkeyClient owner = client.withCredentials(Credentials.staticToken(
                    client.sts().createProjectScopedToken(project.id()).accessToken()));
            owner.principals().add(PrincipalType.TOKEN, token.id());
            owner.policies().set(PrincipalType.TOKEN, token.id(), Policy.parse("""
                    {"version": "2022-12-15", "statement": [{"effect": "Allow",
                      "principal": ["ari:iam::%s:token/%s"], "action": ["iam:*"], "resource": ["*"],
                      "condition": {"DateLessThan": {"lk:CurrentTime": "2999-01-01T00:00:00Z"}}}]}
                    """.formatted(project.id(), token.id())));

            LatchkeyClient machine = LatchkeyClient.builder()
                    .baseUrl(serverUrl)
                    .credentials(Credentials.personalAccessToken()
                            .tokenId(token.id())
                            .keyId("deployer-key") // the kid of the token's key; the token id by default
                            .privateKeyPem(privateKeyPem, passphrase) // null passphrase for an unencrypted key
                            .projectId(project.id())
                            .build())
                    .build();
            for (Principal p : machine.principals().list()) {
                System.out.println(p.principalType() + " " + p.principalId());
            }
            assertThat(machine.sts().whoami().principalId()).isEqualTo(token.id());

            AuthzDecision decision = client.authz().check(AuthzCheck.of(PrincipalType.TOKEN.ari(project.id(), token.id()),
                    "iam:ListPrincipals", "ari:iam::" + project.id() + ":project/" + project.id()));
            System.out.println(decision.decision() + ": " + decision.reason() + " (decision " + decision.decisionId() + ")");
            assertThat(decision.allowed()).isTrue();
        }
    }

    @Test
    void readmeWhenSdkSnippetsListedThenEachIsInThisTest() throws IOException {
        ReadmeSnippets.assertEachIsRunBy(ReadmeSnippetsTest.class, 5, "## SDK");
    }
}
