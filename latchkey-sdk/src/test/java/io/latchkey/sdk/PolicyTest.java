package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTest {
    private static final String WIRE = """
            {"version": "2022-12-15", "statement": [{
              "principal": ["ari:iam::P1:token/t1"],
              "action": ["secrets:Read", "secrets:List*"],
              "resource": ["ari:secrets::P1:secret/prod/db/*"],
              "effect": "Allow",
              "condition": {"IpAddress": {"lk:SourceIp": ["10.0.0.0/8"]},
                            "DateLessThan": {"lk:CurrentTime": "2027-01-01T00:00:00Z"}}}]}""";

    @Test
    void parseWhenWireFormWithSingleStringConditionThenEveryMemberTyped() {
        Policy p = Policy.parse(WIRE);
        assertThat(p.version()).isEqualTo(Policy.VERSION);
        assertThat(p.statements()).hasSize(1);
        PolicyStatement s = p.statements().get(0);
        assertThat(s.effect()).isEqualTo(PolicyEffect.ALLOW);
        assertThat(s.principals()).containsExactly("ari:iam::P1:token/t1");
        assertThat(s.actions()).containsExactly("secrets:Read", "secrets:List*");
        assertThat(s.resources()).containsExactly("ari:secrets::P1:secret/prod/db/*");
        assertThat(s.conditions()).isEqualTo(Map.of("IpAddress", Map.of("lk:SourceIp", List.of("10.0.0.0/8")),
                "DateLessThan", Map.of("lk:CurrentTime", List.of("2027-01-01T00:00:00Z"))));
    }

    @Test
    void toJsonWhenWrittenThenWireNamesAndParsesBackEqual() {
        Policy p = Policy.parse(WIRE);
        String json = p.toJson();
        assertThat(json).contains("\"statement\"").contains("\"principal\"").contains("\"action\"").contains("\"resource\"")
                .contains("\"condition\"").contains("\"effect\" : \"Allow\"").doesNotContain("statements").doesNotContain("\"sid\"");
        assertThat(Policy.parse(json)).isEqualTo(p);
    }

    @Test
    void parseWhenUnknownMemberThenErrorNamesIt() {
        assertThatThrownBy(() -> Policy.parse("{\"version\":\"2022-12-15\",\"Statement\":[]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Statement");
    }

    @Test
    void parseWhenStatementOrEffectMissingOrWrongThenClearErrors() {
        assertThatThrownBy(() -> Policy.parse("{\"version\":\"2022-12-15\"}")).hasMessageContaining("statement cannot be null");
        assertThatThrownBy(() -> Policy.parse("{\"statement\":[]}")).hasMessageContaining("version cannot be null");
        assertThatThrownBy(() -> Policy.parse("{\"version\":\"v\",\"statement\":[{\"effect\":\"Maybe\",\"principal\":[],"
                + "\"action\":[],\"resource\":[]}]}")).hasMessageContaining("effect must be Allow or Deny");
        assertThatThrownBy(() -> Policy.parse("{\"version\":\"v\",\"statement\":[{\"effect\":\"Allow\",\"principal\":[],"
                + "\"resource\":[]}]}")).hasMessageContaining("action cannot be null");
        assertThatThrownBy(() -> Policy.parse("{\"version\":\"v\",\"statement\":[{\"effect\":\"Deny\",\"principal\":[],"
                + "\"action\":[],\"resource\":[],\"condition\":{\"IpAddress\":{\"lk:SourceIp\":5}}}]}"))
                .hasMessageContaining("condition.IpAddress.lk:SourceIp must be a string or a list of strings");
        assertThatThrownBy(() -> Policy.parse("{\"version\":\"v\",\"statement\":[]} trailing")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Policy.parse(" ")).hasMessage("the policy document is empty");
        assertThatThrownBy(() -> Policy.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullAccessWhenBuiltThenAllActionsOnThatProjectOnly() {
        Policy p = Policy.fullAccess("P1", PrincipalType.TOKEN, "t1");
        PolicyStatement s = p.statements().get(0);
        assertThat(s.principals()).containsExactly("ari:iam::P1:token/t1");
        assertThat(s.actions()).containsExactly("*");
        assertThat(s.resources()).containsExactly("ari:*::P1:*");
        assertThat(p.version()).isEqualTo("2022-12-15");
    }

    @Test
    void withConditionWhenAddedThenStatementsStayImmutable() {
        PolicyStatement s = PolicyStatement.deny(List.of("*"), List.of("kms:*"), List.of("*")).withSid("no-kms")
                .withCondition("NotIpAddress", "lk:SourceIp", "10.0.0.0/8", "192.168.0.0/16");
        assertThat(s.conditions().get("NotIpAddress").get("lk:SourceIp")).containsExactly("10.0.0.0/8", "192.168.0.0/16");
        assertThatThrownBy(() -> s.actions().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Policy.parse(Policy.of(List.of(s)).toJson()).statements().get(0)).isEqualTo(s);
    }

    @Test
    void principalTypeWhenParsedThenWireNamesOnly() {
        assertThat(PrincipalType.fromWire("Token")).isEqualTo(PrincipalType.TOKEN);
        assertThat(PrincipalType.USER.ari("P1", "u1")).isEqualTo("ari:iam::P1:user/u1");
        assertThatThrownBy(() -> PrincipalType.fromWire("robot")).hasMessageContaining("user or token");
    }
}
