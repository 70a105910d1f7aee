package io.latchkey.core.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttemptLimitsTest {

    @Test
    void resolveWhenNamedDefaultReplacedThenReplacementKeepsTheName() {
        AttemptLimits limits = AttemptLimits.of(Map.of("token-client",
                new AttemptPolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(20))));
        assertThat(limits.resolve(AttemptLimits.TOKEN_CLIENT))
                .isEqualTo(AttemptPolicy.named("token-client", 2, Duration.ofSeconds(10), Duration.ofSeconds(20)));
        assertThat(limits.resolve(AttemptLimits.TOKEN_ADDRESS)).isSameAs(AttemptLimits.TOKEN_ADDRESS);
    }

    @Test
    void resolveWhenUnnamedThenUsedAsGiven() {
        AttemptPolicy own = new AttemptPolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(300));
        assertThat(AttemptLimits.of(Map.of("access-key", own)).resolve(own)).isSameAs(own);
    }

    @Test
    void ofWhenUnknownNameThenRefused() {
        assertThatThrownBy(() -> AttemptLimits.of(Map.of("nope", AttemptLimits.LOGIN_ACCOUNT)))
                .isInstanceOf(IllegalStateException.class).hasMessage("unknown lockout policy 'nope'");
    }

    @Test
    void constructorWhenNegativeLimitsThenRefused() {
        assertThatThrownBy(() -> new AttemptPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("maxFailures must be at least 1");
        assertThatThrownBy(() -> new AttemptPolicy(1, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessage("window cannot be negative");
        assertThatThrownBy(() -> new AttemptPolicy(1, Duration.ofSeconds(1), null)).hasMessage("lockout cannot be negative");
    }
}
