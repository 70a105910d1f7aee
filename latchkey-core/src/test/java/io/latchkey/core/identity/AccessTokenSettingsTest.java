package io.latchkey.core.identity;

import io.latchkey.core.error.LatchkeyException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenSettingsTest {

    private static AccessTokenSettings.Changes ttl(Long ttl, Long max) {
        return new AccessTokenSettings.Changes(ttl, max, null, null, null);
    }

    private static void assertNames(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(LatchkeyException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void applyWhenNoChangesThenSpecDefaults() {
        AccessTokenSettings s = AccessTokenSettings.apply(AccessTokenSettings.DEFAULTS, AccessTokenSettings.Changes.NONE);
        assertThat(s.ttl()).isEqualTo(2_592_000L);
        assertThat(s.maxTtl()).isEqualTo(2_592_000L);
        assertThat(s.numUsesLimit()).isZero();
        assertThat(s.trustedIps().allowsEverything()).isTrue();
    }

    @Test
    void applyWhenNegativeAbsurdOrMaxBelowTtlThenNamesTheField() {
        assertNames(() -> AccessTokenSettings.apply(AccessTokenSettings.DEFAULTS, ttl(-1L, null)), "accessTokenTTL");
        assertNames(() -> AccessTokenSettings.apply(AccessTokenSettings.DEFAULTS, ttl(AccessTokenSettings.MAX_SECONDS + 1, null)),
                "accessTokenTTL");
        assertNames(() -> AccessTokenSettings.apply(AccessTokenSettings.DEFAULTS, ttl(600L, 60L)), "accessTokenMaxTTL");
        assertNames(() -> AccessTokenSettings.apply(AccessTokenSettings.DEFAULTS,
                new AccessTokenSettings.Changes(null, null, -1L, null, null)), "accessTokenNumUsesLimit");
        assertNames(() -> AccessTokenSettings.apply(AccessTokenSettings.DEFAULTS,
                new AccessTokenSettings.Changes(null, null, null, null, List.of("nope"))), "accessTokenTrustedIps[0].ipAddress");
    }

    @Test
    void applyWhenPartialChangesThenOthersKept() {
        AccessTokenSettings base = AccessTokenSettings.apply(AccessTokenSettings.DEFAULTS, ttl(60L, 3600L));
        AccessTokenSettings s = AccessTokenSettings.apply(base, new AccessTokenSettings.Changes(null, null, 5L, null,
                List.of("10.0.0.0/8")));
        assertThat(s.ttl()).isEqualTo(60);
        assertThat(s.maxTtl()).isEqualTo(3600);
        assertThat(s.numUsesLimit()).isEqualTo(5);
        assertThat(s.trustedIps().allows("10.2.3.4")).isTrue();
        assertThat(s.trustedIps().allows("11.0.0.1")).isFalse();
        assertThat(s.trustedIps().allows(null)).isFalse();
    }

    @Test
    void issuedLifetimeWhenPeriodicThenPeriod() {
        AccessTokenSettings s = new AccessTokenSettings(60, 60, 0, 300, TrustedIps.ANYWHERE);
        assertThat(s.issuedLifetime()).isEqualTo(300);
        assertThat(s.reportedMaxTtl()).isEqualTo(300);
    }
}
