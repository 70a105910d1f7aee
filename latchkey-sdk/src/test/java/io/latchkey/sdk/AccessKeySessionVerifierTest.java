package io.latchkey.sdk;

import io.latchkey.sdk.InvalidTokenException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Offline verification of access-key sessions: RS256 only, the project's issuer, times, the session marker. */
class AccessKeySessionVerifierTest {
    private static final String ISSUER = "https://latchkey.example.com";
    private static final String PROJECT = "P" + "c".repeat(27);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static KeyPair rsa;
    private static KeyPair other;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<JsonWebKey> published = new ArrayList<>();
    private final AccessKeySessionVerifier verifier = AccessKeySessionVerifier.builder().projectId(PROJECT)
            .issuer(ISSUER + "/").clock(clock).jwks(() -> new JsonWebKeySet(published)).build();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(2048);
        rsa = r.generateKeyPair();
        other = r.generateKeyPair();
    }

    private static JsonWebKey jwk(String kid, KeyPair kp) {
        RSAPublicKey k = (RSAPublicKey) kp.getPublic();
        return new JsonWebKey("RSA", kid, "RS256", "sig", null, null, null, unsigned(k.getModulus()), unsigned(k.getPublicExponent()));
    }

    private static String unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return B64.encodeToString(b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b);
    }

    private Map<String, Object> session() {
        Map<String, Object> c = new HashMap<>();
        c.put("iss", ISSUER + "/" + PROJECT);
        c.put("sub", "K1");
        c.put("iat", clock.instant().getEpochSecond());
        c.put("exp", clock.instant().plusSeconds(600).getEpochSecond());
        c.put("roles", List.of("Reader"));
        c.put("permissions", List.of("reports:read"));
        c.put("tenants", Map.of("acme", Map.of("roles", List.of("Admin"), "permissions", List.of("reports:write"))));
        c.put("team", "platform");
        c.put("nsec", Map.of("job", "nightly"));
        c.put("dct", "acme");
        c.put("drn", "DS");
        return c;
    }

    private static String sign(String alg, String kid, Map<String, Object> claims, PrivateKey key) throws Exception {
        String header = B64.encodeToString(JsonCodec.write(Map.of("alg", alg, "kid", kid)).getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(JsonCodec.write(claims).getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + B64.encodeToString(s.sign());
    }

    private void rejects(String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verifySession(token)).isInstanceOfSatisfying(InvalidTokenException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).doesNotContain(token);
        });
    }

    @Test
    void verifySessionWhenSignedByPublishedKeyThenTypedClaims() throws Exception {
        published.add(jwk("rs-1", rsa));
        AccessKeySessionClaims s = verifier.verifySession(sign("RS256", "rs-1", session(), rsa.getPrivate()));
        assertThat(s.keyId()).isEqualTo("K1");
        assertThat(s.projectId()).isEqualTo(PROJECT);
        assertThat(s.roles()).containsExactly("Reader");
        assertThat(s.permissions()).containsExactly("reports:read");
        assertThat(s.tenantIds()).containsExactly("acme");
        assertThat(s.tenantRoles("acme")).containsExactly("Admin");
        assertThat(s.tenantPermissions("acme")).containsExactly("reports:write");
        assertThat(s.tenantRoles("globex")).isEmpty();
        assertThat(s.selectedTenant()).isEqualTo("acme");
        assertThat(s.customClaims()).containsExactly(Map.entry("team", "platform"));
        assertThat(s.callerClaims()).containsExactly(Map.entry("job", "nightly"));
        assertThat(s.expiresAt()).isEqualTo(clock.instant().plusSeconds(600));
    }

    @Test
    void verifySessionWhenOtherProjectOrIssuerThenWrongIssuer() throws Exception {
        published.add(jwk("rs-1", rsa));
        Map<String, Object> c = session();
        c.put("iss", ISSUER + "/P" + "d".repeat(27));
        rejects(sign("RS256", "rs-1", c, rsa.getPrivate()), Reason.WRONG_ISSUER);
        c.put("iss", ISSUER);
        rejects(sign("RS256", "rs-1", c, rsa.getPrivate()), Reason.WRONG_ISSUER);
    }

    @Test
    void verifySessionWhenExpiredBeyondSkewThenExpired() throws Exception {
        published.add(jwk("rs-1", rsa));
        String token = sign("RS256", "rs-1", session(), rsa.getPrivate());
        clock.advance(Duration.ofSeconds(629));
        assertThat(verifier.verifySession(token).keyId()).as("inside the 30 s skew").isEqualTo("K1");
        clock.advance(Duration.ofSeconds(1));
        rejects(token, Reason.EXPIRED);
    }

    @Test
    void verifySessionWhenNotASessionThenWrongTokenUse() throws Exception {
        published.add(jwk("rs-1", rsa));
        Map<String, Object> c = session();
        c.remove("drn");
        rejects(sign("RS256", "rs-1", c, rsa.getPrivate()), Reason.WRONG_TOKEN_USE);
        Map<String, Object> noExp = session();
        noExp.remove("exp");
        rejects(sign("RS256", "rs-1", noExp, rsa.getPrivate()), Reason.NO_EXPIRY);
    }

    @Test
    void verifySessionWhenForgedOrTamperedThenRefused() throws Exception {
        published.add(jwk("rs-1", rsa));
        rejects(sign("RS256", "rs-1", session(), other.getPrivate()), Reason.BAD_SIGNATURE);
        String good = sign("RS256", "rs-1", session(), rsa.getPrivate());
        String[] parts = good.split("\\.");
        Map<String, Object> elevated = session();
        elevated.put("roles", List.of("Admin"));
        rejects(parts[0] + "." + B64.encodeToString(JsonCodec.write(elevated).getBytes(StandardCharsets.UTF_8)) + "." + parts[2],
                Reason.BAD_SIGNATURE);
        rejects(B64.encodeToString("{\"alg\":\"none\",\"kid\":\"rs-1\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".",
                Reason.ALGORITHM_NOT_ALLOWED);
        rejects(B64.encodeToString("{\"alg\":\"HS256\",\"kid\":\"rs-1\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2],
                Reason.ALGORITHM_NOT_ALLOWED);
        rejects(sign("RS256", "unknown", session(), rsa.getPrivate()), Reason.UNKNOWN_KEY);
        rejects("not a jwt", Reason.MALFORMED);
    }

    @Test
    void buildWhenRequiredSettingsMissingThenSaysWhatToSet() {
        assertThatThrownBy(() -> AccessKeySessionVerifier.builder().issuer(ISSUER).jwks(() -> null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("projectId");
        assertThatThrownBy(() -> AccessKeySessionVerifier.builder().projectId(PROJECT).jwks(() -> null).build())
                .isInstanceOf(IllegalStateException.class).hasMessage(TokenVerifier.ISSUER_REQUIRED);
        assertThatThrownBy(() -> AccessKeySessionVerifier.builder().projectId(PROJECT).issuer(ISSUER).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jwks");
        assertThatThrownBy(() -> AccessKeySessionVerifier.builder().projectId("P:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessKeySessionVerifier.builder().clockSkew(Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
