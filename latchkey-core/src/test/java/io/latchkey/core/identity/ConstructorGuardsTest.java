package io.latchkey.core.identity;

import io.latchkey.core.identity.auth.IdentityLoginService;
import io.latchkey.core.identity.auth.UniversalAuthMethod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every service of the identity package rejects a missing collaborator with "x cannot be null". */
class ConstructorGuardsTest {

    @Test
    void constructorsWhenCollaboratorMissingThenNamedInMessage() {
        assertThatThrownBy(() -> new IdentityTokenValidator(null)).hasMessage("identities cannot be null");
        assertThatThrownBy(() -> new IdentityAccess(null, null)).hasMessage("identities cannot be null");
        assertThatThrownBy(() -> new IdentityTokens(null, null, null, null, null, null)).hasMessage("transactions cannot be null");
        assertThatThrownBy(() -> new UniversalAuthService(null, null, null, null, null, null, null, null))
                .hasMessage("transactions cannot be null");
        assertThatThrownBy(() -> new TokenAuthService(null, null, null, null, null, null)).hasMessage("transactions cannot be null");
        assertThatThrownBy(() -> new ExternalJwtAuthService(null, null, null, null, null, null, null))
                .hasMessage("transactions cannot be null");
        assertThatThrownBy(() -> new IdentityService(null, null, null, null, null, null, null, null, null, null, null))
                .hasMessage("transactions cannot be null");
        assertThatThrownBy(() -> new UniversalAuthMethod(null, null, null, null, null)).hasMessage("configs cannot be null");
        assertThatThrownBy(() -> new IdentityLoginService(null, null, null, null)).hasMessage("methods cannot be null");
        assertThatThrownBy(() -> UniversalAuthConfig.builder().build()).hasMessage("id cannot be empty");
        assertThatThrownBy(() -> new AccessTokenSettings(1, 1, 0, 0, null)).hasMessage("trustedIps cannot be null");
    }
}
