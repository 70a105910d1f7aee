package io.latchkey.server;

import io.latchkey.core.ratelimit.AttemptLimits;
import io.latchkey.core.ratelimit.AttemptPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigLockoutTest {

    @Test
    void attemptLimitsWhenNothingConfiguredThenBuiltInDefaults() {
        AttemptLimits limits = ServerConfig.load(Map.of(), Map.of(), null).attemptLimits();
        for (AttemptPolicy d : AttemptLimits.DEFAULTS) {
            assertThat(limits.resolve(d)).as(d.name()).isEqualTo(d);
        }
    }

    @Test
    void attemptLimitsWhenFlagAndEnvironmentGivenThenTheyReplaceTheDefaults() {
        AttemptLimits limits = ServerConfig.load(Map.of("lockout-login-account", "3/1m/2h"),
                Map.of("LATCHKEY_LOCKOUT_TOKEN_ADDRESS", "7/30s/PT10M"), null).attemptLimits();
        assertThat(limits.resolve(AttemptLimits.LOGIN_ACCOUNT))
                .isEqualTo(AttemptPolicy.named("login-account", 3, Duration.ofMinutes(1), Duration.ofHours(2)));
        assertThat(limits.resolve(AttemptLimits.TOKEN_ADDRESS))
                .isEqualTo(AttemptPolicy.named("token-address", 7, Duration.ofSeconds(30), Duration.ofMinutes(10)));
        assertThat(limits.resolve(AttemptLimits.LOGIN_ADDRESS)).isEqualTo(AttemptLimits.LOGIN_ADDRESS);
    }

    @Test
    void attemptLimitsWhenMalformedThenStartUpFailsNamingTheKey() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("lockout-access-key", "5/15m"), Map.of(), null).attemptLimits())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("lockout-access-key must be");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("lockout-access-key", "0/1m/1m"), Map.of(), null).attemptLimits())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("lockout-access-key", "x/1m/1m"), Map.of(), null).attemptLimits())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("integer");
    }
}
