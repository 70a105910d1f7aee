package io.latchkey.core.identity.auth;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.principal.RequestMeta;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityAuthMethodsTest {

    private static IdentityAuthMethod named(String name) {
        return new IdentityAuthMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String subjectOf(LoginCredentials credentials) {
                return null;
            }

            @Override
            public Optional<MachineIdentity> claimedIdentity(LoginCredentials credentials) {
                return Optional.empty();
            }

            @Override
            public LoginGrant authenticate(LoginCredentials credentials, RequestMeta meta) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void requireWhenRegisteredThenFound() {
        IdentityAuthMethod m = named("test-auth");
        IdentityAuthMethods methods = new IdentityAuthMethods(List.of(m));
        assertThat(methods.require("test-auth")).isSameAs(m);
        assertThat(methods.names()).containsExactly("test-auth");
    }

    @Test
    void requireWhenVendorMethodNotOfferedThenMethodNotEnabled() {
        IdentityAuthMethods methods = new IdentityAuthMethods(List.of());
        assertThatThrownBy(() -> methods.require("kubernetes-auth")).isInstanceOfSatisfying(LatchkeyException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.METHOD_NOT_ENABLED);
                    assertThat(e.getMessage()).contains("not enabled on this instance");
                });
        assertThatThrownBy(() -> methods.require("made-up-auth")).isInstanceOfSatisfying(LatchkeyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void constructorWhenDuplicateOrDisabledNameThenIllegalState() {
        assertThatThrownBy(() -> new IdentityAuthMethods(List.of(named("a"), named("a"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a");
        assertThatThrownBy(() -> new IdentityAuthMethods(List.of(named("aws-auth"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IdentityAuthMethods(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("methods cannot be null");
    }

    @Test
    void loginCredentialsWhenMissingOrTooLongThenNamesTheMember() {
        LoginCredentials c = new LoginCredentials(java.util.Map.of("clientId", "x".repeat(LoginCredentials.MAX_VALUE + 1)));
        assertThatThrownBy(() -> c.require("clientSecret")).isInstanceOfSatisfying(LatchkeyException.class,
                e -> assertThat(e.field()).isEqualTo("clientSecret"));
        assertThatThrownBy(() -> c.require("clientId")).isInstanceOfSatisfying(LatchkeyException.class,
                e -> assertThat(e.field()).isEqualTo("clientId"));
        assertThat(c.toString()).doesNotContain("xxx");
    }
}
