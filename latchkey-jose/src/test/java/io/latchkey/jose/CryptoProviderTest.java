package io.latchkey.jose;

import io.latchkey.core.keys.KeyRingSnapshot;
import io.latchkey.core.keys.KeyStatus;
import io.latchkey.core.keys.LoadedKey;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.TokenDraft;
import io.latchkey.core.token.VerifiedJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CryptoProviderTest {

    @Test
    void parseWhenKnownNameInAnyCaseThenProvider() {
        assertThat(CryptoProvider.parse("Conscrypt")).isEqualTo(CryptoProvider.CONSCRYPT);
        assertThat(CryptoProvider.parse(" bc ")).isEqualTo(CryptoProvider.BC);
        assertThat(CryptoProvider.parse("auto")).isEqualTo(CryptoProvider.AUTO);
        assertThat(CryptoProvider.parse("ACCP")).isEqualTo(CryptoProvider.ACCP);
    }

    @Test
    void parseWhenUnknownThenStartupErrorListsChoices() {
        assertThatThrownBy(() -> CryptoProvider.parse("openssl"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("crypto-provider must be one of auto, jdk, bc, conscrypt, accp, not openssl");
        assertThatThrownBy(() -> CryptoProvider.parse(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void autoWhenResolvedThenFastestThatLoads() {
        CryptoProvider resolved = CryptoProvider.AUTO.resolve();
        assertThat(resolved).isIn(CryptoProvider.ACCP, CryptoProvider.CONSCRYPT, CryptoProvider.JDK);
        if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(resolved).as("ACCP's bundled library fits Linux on x86-64").isEqualTo(CryptoProvider.ACCP);
            assertThat(CryptoProvider.AUTO.newProvider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
        }
        assertThat(CryptoProvider.BC.resolve()).isEqualTo(CryptoProvider.BC);
        assertThat(CryptoProvider.JDK.newProvider()).isNull();
    }

    /** Tokens signed through one provider verify through every other one: switching needs no migration. */
    @ParameterizedTest
    @EnumSource(value = CryptoProvider.class, names = {"JDK", "BC", "CONSCRYPT", "ACCP"})
    void signWhenProviderChosenThenEveryProviderVerifies(CryptoProvider signing) throws Exception {
        for (JwsAlgorithm alg : List.of(JwsAlgorithm.ES256, JwsAlgorithm.RS256)) {
            KeyRingSnapshot ring = ring(alg);
            String token = codec(ring, signing).sign(draft(), alg);
            for (CryptoProvider verifying : List.of(CryptoProvider.JDK, CryptoProvider.BC, CryptoProvider.CONSCRYPT,
                    CryptoProvider.ACCP)) {
                VerifiedJwt jwt = codec(ring, verifying).verifyInstanceToken(token, Set.of(alg));
                assertThat(jwt.subject()).as(signing + " -> " + verifying + " " + alg).isEqualTo("sub-1");
            }
            String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
            assertThatThrownBy(() -> codec(ring, signing).verifyInstanceToken(forged, Set.of(alg)))
                    .hasMessage("token signature is invalid");
        }
    }

    private static NimbusTokenCodec codec(KeyRingSnapshot ring, CryptoProvider p) {
        return new NimbusTokenCodec(() -> ring, Clock.systemUTC(), Duration.ofSeconds(30), p.newProvider());
    }

    private static TokenDraft draft() {
        Instant now = Instant.now();
        return new TokenDraft("http://issuer", "sub-1", List.of(), now, now.plusSeconds(60), "jti-1",
                Map.of("token_use", "user"));
    }

    private static KeyRingSnapshot ring(JwsAlgorithm alg) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg.isEc() ? "EC" : "RSA");
        if (alg.isEc()) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(2048);
        }
        KeyPair pair = g.generateKeyPair();
        return new KeyRingSnapshot(List.of(new LoadedKey("k1", alg, KeyStatus.ACTIVE, pair.getPublic(),
                pair.getPrivate(), null)));
    }
}
