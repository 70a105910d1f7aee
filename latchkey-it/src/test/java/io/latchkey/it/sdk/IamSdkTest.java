package io.latchkey.it.sdk;

import io.latchkey.sdk.AuthMode;
import io.latchkey.sdk.AuthModeException;
import io.latchkey.sdk.AuthzCheck;
import io.latchkey.sdk.AuthzDecision;
import io.latchkey.sdk.ConflictException;
import io.latchkey.sdk.CreateProjectRequest;
import io.latchkey.sdk.CreateTokenRequest;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.ForbiddenException;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.sdk.NotFoundException;
import io.latchkey.sdk.Page;
import io.latchkey.sdk.Policy;
import io.latchkey.sdk.PolicyEffect;
import io.latchkey.sdk.PolicyStatement;
import io.latchkey.sdk.Principal;
import io.latchkey.sdk.PrincipalType;
import io.latchkey.sdk.Project;
import io.latchkey.sdk.PublicKeyInfo;
import io.latchkey.sdk.Token;
import io.latchkey.sdk.TokenKeys;
import io.latchkey.sdk.TokenProject;
import io.latchkey.sdk.TokenSigningAlgorithm;
import io.latchkey.sdk.UnauthorizedException;
import io.latchkey.sdk.UpdateProjectRequest;
import io.latchkey.sdk.UpdateTokenRequest;
import io.latchkey.sdk.ValidationException;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.latchkey.testkit.TestServer.OWNER_EMAIL;
import static io.latchkey.testkit.TestServer.OWNER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SDK's IAM resources and PAT credentials against the real server, on H2 and on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamSdkTest {
    private TestServer server;
    private LatchkeyClient user;

    @BeforeAll
    void start() {
        server = TestServer.start();
        server.bootstrap();
        user = LatchkeyClient.builder().baseUrl(server.baseUrl()).credentials(Credentials.userLogin(OWNER_EMAIL, OWNER_PASSWORD)).build();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private LatchkeyClient projectClient(String projectId) {
        return user.withCredentials(Credentials.staticToken(user.sts().createProjectScopedToken(projectId).accessToken()));
    }

    private Token token(String name, KeyPair pair, TokenSigningAlgorithm alg) {
        return user.tokens().create(CreateTokenRequest.of(name, alg, PublicKeyInfo.jwk(TokenKeys.jwk(pair.getPublic(), "k-" + name, alg))));
    }

    @Test
    void projectsWhenCreatedPagedUpdatedAndDeletedThenEachStepAsExpected() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(user.projects().create(CreateProjectRequest.of("paged-" + i).withDescription("d" + i)).id());
        }
        List<String> seen = user.projects().list(1).stream().map(Project::id).toList();
        assertThat(seen).doesNotHaveDuplicates().containsAll(ids);
        Page<Project> first = user.projects().list(1).firstPage();
        assertThat(first.items()).hasSize(1);
        assertThat(first.nextKey()).isNotNull();

        Project renamed = user.projects().update(ids.get(0), UpdateProjectRequest.empty().withName("renamed"));
        assertThat(renamed.name()).isEqualTo("renamed");
        assertThat(renamed.description()).as("absent members stay").isEqualTo("d0");
        assertThat(user.projects().get(ids.get(0)).updatedAt()).isAfterOrEqualTo(renamed.createdAt());

        user.projects().delete(ids.get(1));
        assertThatThrownBy(() -> user.projects().get(ids.get(1))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> user.projects().create(" ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void tokensWhenCreatedListedUpdatedAndDeletedThenPagedAndOwned() {
        KeyPair pair = TokenKeys.generate(TokenSigningAlgorithm.ES256);
        Token a = token("token-a-long", pair, TokenSigningAlgorithm.ES256);
        Token b = token("token-b-long", TokenKeys.generate(TokenSigningAlgorithm.RS256), TokenSigningAlgorithm.RS256);
        assertThat(a.authenticationMethod().signingAlgorithm()).isEqualTo(TokenSigningAlgorithm.ES256);
        assertThat(a.authenticationMethod().publicKeyInfo().keys().get(0)).containsEntry("kid", "k-token-a-long").doesNotContainKey("d");
        assertThat(user.tokens().list(1).stream().map(Token::id).toList()).doesNotHaveDuplicates().contains(a.id(), b.id());

        Token renamed = user.tokens().update(a.id(), UpdateTokenRequest.empty().withName("token-a-renamed"));
        assertThat(renamed.name()).isEqualTo("token-a-renamed");
        assertThat(renamed.authenticationMethod().signingAlgorithm()).isEqualTo(TokenSigningAlgorithm.ES256);
        assertThat(user.tokens().get(a.id()).name()).isEqualTo("token-a-renamed");

        user.tokens().delete(b.id());
        assertThatThrownBy(() -> user.tokens().get(b.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void patCredentialsWhenTokenInProjectWithPolicyThenProjectScopedCallsAndRenewalsWork() {
        String projectId = user.projects().create("pat-sdk").id();
        KeyPair pair = TokenKeys.generate(TokenSigningAlgorithm.RS512);
        Token t = token("machine-rs512", pair, TokenSigningAlgorithm.RS512);
        LatchkeyClient owner = projectClient(projectId);
        owner.principals().add(PrincipalType.TOKEN, t.id());
        String ari = PrincipalType.TOKEN.ari(projectId, t.id());
        Policy stored = owner.policies().set(PrincipalType.TOKEN, t.id(), Policy.of(List.of(
                PolicyStatement.allow(List.of(ari), List.of("iam:*"), List.of("ari:iam::" + projectId + ":*")),
                PolicyStatement.deny(List.of(ari), List.of("iam:UpdateProject"), List.of("*")).withSid("no-renames")
                        .withCondition("IpAddress", "lk:SourceIp", "0.0.0.0/0"))));
        assertThat(stored.projectId()).isEqualTo(projectId);
        assertThat(stored.statements().get(1).effect()).isEqualTo(PolicyEffect.DENY);
        assertThat(stored.statements().get(1).conditions()).containsKey("IpAddress");

        LatchkeyClient machine = LatchkeyClient.builder().baseUrl(server.baseUrl())
                .credentials(Credentials.personalAccessToken().tokenId(t.id()).privateKey(pair.getPrivate())
                        .keyId("k-machine-rs512").algorithm(TokenSigningAlgorithm.RS512).projectId(projectId).build())
                .build();
        assertThat(machine.sts().whoami().principalId()).isEqualTo(t.id());
        assertThat(machine.principals().list().stream().map(Principal::principalId)).contains(t.id());
        assertThat(machine.sts().whoami().projectId()).as("the token is reused, not renewed per call").isEqualTo(projectId);

        List<TokenProject> projects = user.tokens().projects(t.id()).stream().toList();
        assertThat(projects).extracting(TokenProject::id).containsExactly(projectId);
        assertThat(projects.get(0).policy().statements()).hasSize(2);

        AuthzDecision allowed = user.authz().check(AuthzCheck.of(ari, "iam:ListPrincipals", "ari:iam::" + projectId + ":project/" + projectId));
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.decidingStatement().index()).isZero();
        assertThat(allowed.decisionId()).isNotBlank();
        List<AuthzDecision> batch = user.authz().checkBatch(List.of(
                AuthzCheck.of(ari, "iam:UpdateProject", "x").fromIp("10.0.0.1").at(Instant.now()),
                AuthzCheck.of(ari, "kms:Encrypt", "x")));
        assertThat(batch.get(0).outcome()).isEqualTo("EXPLICIT_DENY");
        assertThat(batch.get(0).decidingStatement().sid()).isEqualTo("no-renames");
        assertThat(batch.get(1).outcome()).isEqualTo("NO_MATCH");
        assertThat(batch.get(1).decidingStatement()).isNull();

        assertThatThrownBy(() -> machine.principals().remove(PrincipalType.TOKEN, t.id())).as("not itself")
                .isInstanceOf(ConflictException.class);
        owner.principals().remove(PrincipalType.TOKEN, t.id());
        LatchkeyClient removed = LatchkeyClient.builder().baseUrl(server.baseUrl())
                .credentials(Credentials.personalAccessToken().tokenId(t.id()).privateKey(pair.getPrivate())
                        .keyId("k-machine-rs512").algorithm(TokenSigningAlgorithm.RS512).projectId(projectId).build())
                .build();
        assertThatThrownBy(() -> removed.principals().list().firstPage()).isInstanceOf(UnauthorizedException.class)
                .hasCauseInstanceOf(ForbiddenException.class);
    }

    @Test
    void resourcesWhenCalledWithWrongCredentialKindThenRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> user.principals().list().firstPage()).isInstanceOf(AuthModeException.class)
                .hasMessageContaining("principals does not accept a user token; it accepts: project-scoped token");
        LatchkeyClient project = projectClient(user.projects().create("modes").id());
        assertThat(project.authMode()).isEqualTo(AuthMode.PROJECT);
        assertThatThrownBy(() -> project.tokens().list().firstPage()).isInstanceOf(AuthModeException.class);
        assertThatThrownBy(() -> project.projects().create("x")).isInstanceOf(AuthModeException.class);
        assertThatThrownBy(() -> project.sts().createProjectScopedToken("P1")).isInstanceOf(AuthModeException.class);
    }
}
