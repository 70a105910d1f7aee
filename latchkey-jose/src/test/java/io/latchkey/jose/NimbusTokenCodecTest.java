package io.latchkey.jose;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.keys.KeyRingSnapshot;
import io.latchkey.core.keys.KeyStatus;
import io.latchkey.core.keys.LoadedKey;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.TokenDraft;
import io.latchkey.core.token.VerifiedJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codec's verified-token cache must never accept what a fresh verification would refuse. */
class NimbusTokenCodecTest {
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicReference<KeyRingSnapshot> ring = new AtomicReference<>();
    private LoadedKey es;
    private NimbusTokenCodec codec;

    @BeforeEach
    void setUp() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        es = new LoadedKey("k-es", JwsAlgorithm.ES256, KeyStatus.ACTIVE, pair.getPublic(), pair.getPrivate(), null);
        ring.set(new KeyRingSnapshot(List.of(es)));
        codec = new NimbusTokenCodec(ring::get, clock, Duration.ofSeconds(30), null);
    }

    private String token(Duration ttl) {
        return codec.sign(new TokenDraft("http://issuer", "sub-1", List.of("http://issuer"), now.get(), now.get().plus(ttl),
                "jti-" + System.nanoTime(), Map.of("token_use", "project")), JwsAlgorithm.ES256);
    }

    @Test
    void verifyWhenPresentedTwiceThenSameClaimsAndClaimsCannotBeChanged() {
        String t = token(Duration.ofMinutes(5));
        VerifiedJwt first = codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256));
        VerifiedJwt second = codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256));
        assertThat(second.subject()).isEqualTo("sub-1");
        assertThat(second.claims()).isEqualTo(first.claims()).containsEntry("token_use", "project");
        assertThatThrownBy(() -> second.claims().put("token_use", "user")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void verifyWhenCachedTokenExpiresThenRefused() {
        String t = token(Duration.ofMinutes(5));
        codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256));
        now.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(31));
        assertThatThrownBy(() -> codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256)))
                .isInstanceOfSatisfying(LatchkeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_EXPIRED));
    }

    @Test
    void verifyWhenCachedTokensKeyLeavesTheRingThenRefused() {
        String t = token(Duration.ofMinutes(5));
        codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256));
        ring.set(new KeyRingSnapshot(List.of()));
        assertThatThrownBy(() -> codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256)))
                .isInstanceOfSatisfying(LatchkeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID));
        ring.set(new KeyRingSnapshot(List.of(es)));
        assertThat(codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256)).subject()).isEqualTo("sub-1");
    }

    @Test
    void verifyWhenCachedTokensAlgorithmNotAcceptedHereThenRefused() {
        String t = token(Duration.ofMinutes(5));
        codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256));
        assertThatThrownBy(() -> codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.RS256)))
                .isInstanceOfSatisfying(LatchkeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID));
    }

    @Test
    void verifyWhenSignatureAlteredAfterAGoodPresentationThenRefused() {
        String t = token(Duration.ofMinutes(5));
        codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256));
        String sig = t.substring(t.lastIndexOf('.') + 1);
        char c = sig.charAt(5) == 'A' ? 'B' : 'A';
        String forged = t.substring(0, t.lastIndexOf('.') + 1) + sig.substring(0, 5) + c + sig.substring(6);
        assertThatThrownBy(() -> codec.verifyInstanceToken(forged, Set.of(JwsAlgorithm.ES256)))
                .isInstanceOfSatisfying(LatchkeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID));
    }

    @Test
    void verifyWhenNotYetValidAndPresentedAgainLaterThenAcceptedOnlyOnceValid() {
        String t = codec.sign(new TokenDraft("http://issuer", "sub-1", List.of(), T0, T0.plus(Duration.ofMinutes(5)),
                "jti-nbf", Map.of("nbf", T0.plusSeconds(120).getEpochSecond())), JwsAlgorithm.ES256);
        assertThatThrownBy(() -> codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256))).isInstanceOf(LatchkeyException.class);
        now.set(T0.plusSeconds(100));
        assertThat(codec.verifyInstanceToken(t, Set.of(JwsAlgorithm.ES256)).subject()).isEqualTo("sub-1");
    }
}
