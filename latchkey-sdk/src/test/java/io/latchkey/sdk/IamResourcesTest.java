package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the IAM resources send: methods, paths, queries and bodies, against a fake network. */
class IamResourcesTest {
    private final FakeTransport transport = new FakeTransport();

    private LatchkeyClient client(String tokenUse) {
        return LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").transport(transport)
                .credentials(Credentials.staticToken(TestTokens.ofUse(tokenUse))).build();
    }

    private static String body(HttpTransport.Request r) {
        return r.body() == null ? null : new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void principalsWhenAddedAndRemovedThenWireFormOfTheSpec() {
        transport.on("POST /iam/v1/projects/principals", r -> FakeTransport.json(204, ""));
        transport.on("DELETE /iam/v1/projects/principals/t 1", r -> FakeTransport.json(204, ""));
        LatchkeyClient c = client("project");
        c.principals().add(PrincipalType.TOKEN, "t-1");
        assertThat(body(transport.last())).contains("\"principalId\":\"t-1\"").contains("\"principalType\":\"token\"");
        c.principals().remove(PrincipalType.TOKEN, "t 1");
        assertThat(transport.last().uri().toString()).endsWith("/iam/v1/projects/principals/t%201?principalType=token");
        assertThat(transport.last().method()).isEqualTo("DELETE");
    }

    @Test
    void policiesWhenSetThenPutWithTypeAndWireDocument() {
        transport.on("PUT /iam/v1/policies/principals/t-1", r -> FakeTransport.json(200, body(r)));
        Policy p = Policy.of(List.of(PolicyStatement.allow(List.of("ari:iam::P1:token/t-1"), List.of("*"), List.of("*"))));
        Policy stored = client("project").policies().set(PrincipalType.TOKEN, "t-1", p);
        assertThat(stored).isEqualTo(p);
        assertThat(transport.last().uri().getQuery()).isEqualTo("principalType=token");
        assertThat(body(transport.last())).contains("\"statement\":[{\"effect\":\"Allow\",\"principal\":[\"ari:iam::P1:token/t-1\"]");
    }

    @Test
    void tokensWhenUpdatedThenOnlyChangedMembersSent() {
        transport.on("PATCH /iam/v1/tokens/t-1", r -> FakeTransport.json(200, "{\"id\":\"t-1\",\"name\":\"renamed-token\"}"));
        client("user").tokens().update("t-1", UpdateTokenRequest.empty().withName("renamed-token"));
        assertThat(body(transport.last())).isEqualTo("{\"name\":\"renamed-token\"}");
        client("user").tokens().update("t-1", UpdateTokenRequest.empty().withSigningAlgorithm(TokenSigningAlgorithm.ES512));
        assertThat(body(transport.last())).isEqualTo("{\"authenticationMethod\":{\"type\":\"PRIVATE_KEY\",\"signingAlgorithm\":\"ES512\"}}");
    }

    @Test
    void projectsWhenUpdatedThenPatchWithoutAbsentMembers() {
        transport.on("PATCH /iam/v1/projects/P1", r -> FakeTransport.json(200, "{\"id\":\"P1\",\"name\":\"n\"}"));
        client("user").projects().update("P1", UpdateProjectRequest.empty().withDescription("d"));
        assertThat(body(transport.last())).isEqualTo("{\"description\":\"d\"}");
    }

    @Test
    void tokenProjectsWhenPagedThenCursorFollowedAndPoliciesTyped() {
        transport.sequence("GET /iam/v1/tokens/t-1/projects",
                FakeTransport.json(200, "{\"projects\":[{\"id\":\"P1\",\"name\":\"a\",\"policy\":{\"version\":\"2022-12-15\","
                        + "\"statement\":[]}}],\"lastEvaluatedKey\":\"k1\"}"),
                FakeTransport.json(200, "{\"projects\":[{\"id\":\"P2\",\"name\":\"b\",\"policy\":{\"version\":\"2022-12-15\","
                        + "\"statement\":[{\"effect\":\"Deny\",\"principal\":[\"*\"],\"action\":[\"*\"],\"resource\":[\"*\"],"
                        + "\"condition\":{\"IpAddress\":{\"lk:SourceIp\":\"10.0.0.0/8\"}}}]}}]}"));
        List<TokenProject> all = client("user").tokens().projects("t-1", 1).stream().toList();
        assertThat(all).extracting(TokenProject::id).containsExactly("P1", "P2");
        assertThat(all.get(1).policy().statements().get(0).conditions().get("IpAddress").get("lk:SourceIp")).containsExactly("10.0.0.0/8");
        assertThat(transport.requests().get(1).uri().getQuery()).isEqualTo("limit=1&exclusiveStartKey=k1");
    }

    @Test
    void authzBatchWhenEmptyOrTooLargeThenRefusedLocally() {
        LatchkeyClient c = client("user");
        assertThatThrownBy(() -> c.authz().checkBatch(List.of())).isInstanceOf(IllegalArgumentException.class);
        AuthzCheck one = AuthzCheck.of("p", "a", "r");
        assertThatThrownBy(() -> c.authz().checkBatch(java.util.Collections.nCopies(101, one))).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> c.projects().list(0)).hasMessageContaining("pageSize");
        assertThat(transport.total()).isZero();
    }

    @Test
    void resourcesWhenWrongKindThenAuthModeErrorNamesAllowedModes() {
        assertThatThrownBy(() -> client("user").policies().get(PrincipalType.USER, "u")).isInstanceOf(AuthModeException.class)
                .hasMessageContaining("policies does not accept a user token; it accepts: project-scoped token");
        assertThatThrownBy(() -> client("access_key").authz().check(AuthzCheck.of("p", "a", "r"))).isInstanceOf(AuthModeException.class);
        assertThatThrownBy(() -> client("identity").tokens().get("t")).isInstanceOf(AuthModeException.class);
        assertThat(transport.total()).isZero();
    }
}
