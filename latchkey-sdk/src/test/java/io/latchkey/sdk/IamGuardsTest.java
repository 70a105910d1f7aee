package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every guard of the IAM request and value types names what is missing. */
class IamGuardsTest {

    @Test
    void requestsWhenRequiredMembersNullThenNamed() {
        assertThatThrownBy(() -> CreateProjectRequest.of(null)).hasMessage("name cannot be null");
        assertThatThrownBy(() -> new CreateTokenRequest(null, null, null)).hasMessage("name cannot be null");
        assertThatThrownBy(() -> CreateTokenRequest.of("n", null, PublicKeyInfo.pem("x"))).hasMessage("algorithm cannot be null");
        assertThatThrownBy(() -> CreateTokenRequest.of("n", TokenSigningAlgorithm.RS256, null)).hasMessage("publicKey cannot be null");
        assertThatThrownBy(() -> AuthzCheck.of(null, "a", "r")).hasMessage("principal cannot be null");
        assertThatThrownBy(() -> AuthzCheck.of("p", null, "r")).hasMessage("action cannot be null");
        assertThatThrownBy(() -> AuthzCheck.of("p", "a", null)).hasMessage("resource cannot be null");
        assertThat(UpdateProjectRequest.empty().isEmpty()).isTrue();
        assertThat(UpdateTokenRequest.empty().withName("x").isEmpty()).isFalse();
    }

    @Test
    void publicKeyInfoWhenNotExactlyOneSourceThenRefused() {
        assertThatThrownBy(() -> new PublicKeyInfo(null, null, null)).hasMessageContaining("exactly one of jwks, jwksUri or pem");
        assertThatThrownBy(() -> new PublicKeyInfo(Map.of("keys", List.of()), "https://x", null))
                .hasMessageContaining("exactly one");
        assertThat(PublicKeyInfo.jwksUri("https://x/jwks.json").keys()).isEmpty();
    }

    @Test
    void statementsWhenListsMissingOrHoldingNullThenNamed() {
        assertThatThrownBy(() -> new PolicyStatement(null, null, List.of(), List.of(), List.of(), null)).hasMessageContaining("effect");
        assertThatThrownBy(() -> PolicyStatement.allow(null, List.of(), List.of())).hasMessageContaining("principal cannot be null");
        assertThatThrownBy(() -> PolicyStatement.allow(List.of(), java.util.Arrays.asList("a", null), List.of()))
                .hasMessage("action cannot contain null");
        assertThatThrownBy(() -> new Policy(null, List.of(), null, null, null, null)).hasMessageContaining("version");
        assertThatThrownBy(() -> TokenSigningAlgorithm.parse("HS256")).hasMessageContaining("RS256, RS512, ES256, ES512");
        assertThatThrownBy(() -> PolicyEffect.fromWire(null)).hasMessageContaining("Allow or Deny");
    }
}
