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
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerifierTest {
    private static final String ISSUER = "https://latchkey.example.com";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static KeyPair ec;
    private static KeyPair ec2;
    private static KeyPair rsa;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<JsonWebKey> published = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final TokenVerifier verifier = TokenVerifier.builder().issuer(ISSUER).clock(clock)
            .jwks(() -> {
                fetches.incrementAndGet();
                return new JsonWebKeySet(published);
            }).build();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        ec = g.generateKeyPair();
        ec2 = g.generateKeyPair();
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(2048);
        rsa = r.generateKeyPair();
    }

    private static JsonWebKey ecJwk(String kid, KeyPair kp) {
        ECPublicKey k = (ECPublicKey) kp.getPublic();
        return new JsonWebKey("EC", kid, "ES256", "sig", "P-256", coordinate(k.getW().getAffineX()),
                coordinate(k.getW().getAffineY()), null, null);
    }

    private static JsonWebKey rsaJwk(String kid) {
        RSAPublicKey k = (RSAPublicKey) rsa.getPublic();
        return new JsonWebKey("RSA", kid, "RS256", "sig", null, null, null, unsigned(k.getModulus()), unsigned(k.getPublicExponent()));
    }

    private static String coordinate(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return B64.encodeToString(out);
    }

    private static String unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return B64.encodeToString(b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b);
    }

    private Map<String, Object> claims() {
        Map<String, Object> c = new HashMap<>();
        c.put("iss", ISSUER);
        c.put("sub", "u-1");
        c.put("aud", ISSUER);
        c.put("iat", clock.instant().getEpochSecond());
        c.put("exp", clock.instant().plusSeconds(3600).getEpochSecond());
        c.put("jti", "j-1");
        c.put("token_use", "project");
        c.put("principal_type", "token");
        c.put("project_id", "P1");
        c.put("roles", List.of("owner"));
        return c;
    }

    /** Signs with the JDK's P1363 format, which yields JOSE's r||s directly: an independent path to the verifier's DER conversion. */
    private static String sign(String alg, String kid, Map<String, Object> claims, PrivateKey key) throws Exception {
        String header = B64.encodeToString(JsonCodec.write(Map.of("alg", alg, "kid", kid, "typ", "JWT")).getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(JsonCodec.write(claims).getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance(alg.equals("ES256") ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + B64.encodeToString(s.sign());
    }

    private static String unsignedToken(String headerJson, Map<String, Object> claims) {
        return B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(JsonCodec.write(claims).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private void rejects(String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verifyAccessToken(token)).isInstanceOf(InvalidTokenException.class)
                .satisfies(e -> assertThat(((InvalidTokenException) e).reason()).isEqualTo(reason))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void verifyAccessTokenWhenEs256SignedByPublishedKeyThenClaims() throws Exception {
        published.add(ecJwk("ec-1", ec));
        Claims c = verifier.verifyAccessToken(sign("ES256", "ec-1", claims(), ec.getPrivate()));
        assertThat(c.subject()).isEqualTo("u-1");
        assertThat(c.authMode()).isEqualTo(AuthMode.PROJECT);
        assertThat(c.projectId()).isEqualTo("P1");
        assertThat(c.roles()).containsExactly("owner");
        assertThat(c.audience()).containsExactly(ISSUER);
        assertThat(c.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
    }

    @Test
    void verifyAccessTokenWhenManyEs256SignaturesThenEveryDerConversionVerifies() throws Exception {
        published.add(ecJwk("ec-1", ec));
        for (int i = 0; i < 64; i++) {
            Map<String, Object> c = claims();
            c.put("jti", "j-" + i);
            assertThat(verifier.verifyAccessToken(sign("ES256", "ec-1", c, ec.getPrivate())).jwtId()).isEqualTo("j-" + i);
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void verifyAccessTokenWhenRs256ThenClaims() throws Exception {
        published.add(rsaJwk("rsa-1"));
        assertThat(verifier.verifyAccessToken(sign("RS256", "rsa-1", claims(), rsa.getPrivate())).subject()).isEqualTo("u-1");
    }

    @Test
    void verifyAccessTokenWhenUnknownKidThenRefetchesOnceAndAcceptsRotatedKey() throws Exception {
        published.add(ecJwk("ec-1", ec));
        verifier.verifyAccessToken(sign("ES256", "ec-1", claims(), ec.getPrivate()));
        published.add(0, ecJwk("ec-2", ec2));
        assertThat(verifier.verifyAccessToken(sign("ES256", "ec-2", claims(), ec2.getPrivate())).subject()).isEqualTo("u-1");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void verifyAccessTokenWhenUnknownKidRepeatedThenRefetchRateLimited() throws Exception {
        published.add(ecJwk("ec-1", ec));
        verifier.verifyAccessToken(sign("ES256", "ec-1", claims(), ec.getPrivate()));
        String forged = sign("ES256", "nope", claims(), ec2.getPrivate());
        rejects(forged, Reason.UNKNOWN_KEY);
        rejects(forged, Reason.UNKNOWN_KEY);
        rejects(forged, Reason.UNKNOWN_KEY);
        assertThat(fetches).as("one refetch for the first unknown kid, none for the rest").hasValue(2);
        clock.advance(Duration.ofSeconds(31));
        rejects(forged, Reason.UNKNOWN_KEY);
        assertThat(fetches).hasValue(3);
    }

    @Test
    void verifyAccessTokenWhenCacheTtlPassedThenRefetches() throws Exception {
        published.add(ecJwk("ec-1", ec));
        verifier.verifyAccessToken(sign("ES256", "ec-1", claims(), ec.getPrivate()));
        clock.advance(Duration.ofMinutes(11));
        verifier.verifyAccessToken(sign("ES256", "ec-1", claims(), ec.getPrivate()));
        assertThat(fetches).hasValue(2);
    }

    @Test
    void verifyAccessTokenWhenAlgNoneOrHmacThenRejectedWithoutFetchingKeys() {
        published.add(ecJwk("ec-1", ec));
        rejects(unsignedToken("{\"alg\":\"none\",\"kid\":\"ec-1\"}", claims()), Reason.ALGORITHM_NOT_ALLOWED);
        rejects(unsignedToken("{\"alg\":\"HS256\",\"kid\":\"ec-1\"}", claims()) + "c2lnbmF0dXJl", Reason.ALGORITHM_NOT_ALLOWED);
        rejects(unsignedToken("{\"kid\":\"ec-1\"}", claims()), Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(fetches).hasValue(0);
    }

    @Test
    void verifyAccessTokenWhenHeaderAlgDiffersFromKeyAlgThenRejected() throws Exception {
        published.add(ecJwk("ec-1", ec));
        rejects(sign("RS256", "ec-1", claims(), rsa.getPrivate()), Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void verifyAccessTokenWhenExpiredBeyondSkewThenRejectedWithTimesButNotToken() throws Exception {
        published.add(ecJwk("ec-1", ec));
        String token = sign("ES256", "ec-1", claims(), ec.getPrivate());
        clock.advance(Duration.ofSeconds(3600 + 29));
        assertThat(verifier.verifyAccessToken(token).subject()).as("within the 30 s skew").isEqualTo("u-1");
        clock.advance(Duration.ofSeconds(1));
        rejects(token, Reason.EXPIRED);
        assertThatThrownBy(() -> verifier.verifyAccessToken(token)).hasMessageContaining("expired at 2026-01-01T01:00:00Z")
                .hasMessageContaining("clock skew of 30 s");
    }

    @Test
    void verifyAccessTokenWhenNoExpiryThenRejectedUnlessIdentityTokensAllowedExplicitly() throws Exception {
        published.add(ecJwk("ec-1", ec));
        Map<String, Object> identity = claims();
        identity.remove("exp");
        identity.put("token_use", "identity");
        String token = sign("ES256", "ec-1", identity, ec.getPrivate());
        rejects(token, Reason.NO_EXPIRY);
        TokenVerifier lenient = TokenVerifier.builder().issuer(ISSUER).clock(clock).jwks(() -> new JsonWebKeySet(published))
                .allowNonExpiringIdentityTokens().build();
        assertThat(lenient.verifyAccessToken(token).authMode()).isEqualTo(AuthMode.IDENTITY);
        Map<String, Object> user = claims();
        user.remove("exp");
        String userToken = sign("ES256", "ec-1", user, ec.getPrivate());
        assertThatThrownBy(() -> lenient.verifyAccessToken(userToken)).isInstanceOf(InvalidTokenException.class)
                .satisfies(e -> assertThat(((InvalidTokenException) e).reason()).isEqualTo(Reason.NO_EXPIRY));
    }

    @Test
    void verifyAccessTokenWhenNotYetValidThenRejected() throws Exception {
        published.add(ecJwk("ec-1", ec));
        Map<String, Object> c = claims();
        c.put("nbf", clock.instant().plusSeconds(120).getEpochSecond());
        rejects(sign("ES256", "ec-1", c, ec.getPrivate()), Reason.NOT_YET_VALID);
    }

    @Test
    void verifyAccessTokenWhenWrongIssuerAudienceOrUseThenRejected() throws Exception {
        published.add(ecJwk("ec-1", ec));
        Map<String, Object> other = claims();
        other.put("iss", "https://evil.example.com");
        rejects(sign("ES256", "ec-1", other, ec.getPrivate()), Reason.WRONG_ISSUER);
        Map<String, Object> noUse = claims();
        noUse.remove("token_use");
        rejects(sign("ES256", "ec-1", noUse, ec.getPrivate()), Reason.WRONG_TOKEN_USE);

        TokenVerifier strict = TokenVerifier.builder().issuer(ISSUER).clock(clock).jwks(() -> new JsonWebKeySet(published))
                .audience("https://billing.example.com").acceptedModes(AuthMode.USER).build();
        String token = sign("ES256", "ec-1", claims(), ec.getPrivate());
        assertThatThrownBy(() -> strict.verifyAccessToken(token)).isInstanceOf(InvalidTokenException.class)
                .satisfies(e -> assertThat(((InvalidTokenException) e).reason()).isEqualTo(Reason.WRONG_AUDIENCE));
    }

    @Test
    void verifyAccessTokenWhenPayloadTamperedThenBadSignature() throws Exception {
        published.add(ecJwk("ec-1", ec));
        published.add(rsaJwk("rsa-1"));
        for (String[] k : new String[][] {{"ES256", "ec-1"}, {"RS256", "rsa-1"}}) {
            String token = sign(k[0], k[1], claims(), k[0].equals("ES256") ? ec.getPrivate() : rsa.getPrivate());
            String[] p = token.split("\\.");
            Map<String, Object> c = claims();
            c.put("sub", "admin");
            String tampered = p[0] + "." + B64.encodeToString(JsonCodec.write(c).getBytes(StandardCharsets.UTF_8)) + "." + p[2];
            rejects(tampered, Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void verifyAccessTokenWhenMalformedThenRejected() {
        rejects("not-a-jwt", Reason.MALFORMED);
        rejects("a.b.c.d.e", Reason.MALFORMED);
        rejects("e30.e30.", Reason.ALGORITHM_NOT_ALLOWED);
        rejects("%%%.e30.e30", Reason.MALFORMED);
    }

    @Test
    void verifyAccessTokenWhenPublishedKeyInvalidThenItIsSkipped() throws Exception {
        JsonWebKey good = ecJwk("ec-1", ec);
        published.add(new JsonWebKey("EC", "ec-1", "ES256", "sig", "P-256", good.x(), good.x(), null, null));
        rejects(sign("ES256", "ec-1", claims(), ec.getPrivate()), Reason.UNKNOWN_KEY);
    }

    @Test
    void buildWhenIssuerOrKeysMissingThenSaysWhatToSet() {
        assertThatThrownBy(() -> TokenVerifier.builder().jwks(() -> new JsonWebKeySet(List.of())).build())
                .isInstanceOf(IllegalStateException.class).hasMessage(TokenVerifier.ISSUER_REQUIRED);
        assertThatThrownBy(() -> TokenVerifier.builder().issuer(ISSUER).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("jwks cannot be null");
        assertThatThrownBy(() -> TokenVerifier.builder().clockSkew(Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenVerifier.builder().acceptedModes(AuthMode.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenVerifier.builder().client(null)).hasMessage("client cannot be null");
    }

    @Test
    void verifyAccessTokenWhenKeysUnreachableThenNetworkErrorAndCachedKeysKeptAfterwards() throws Exception {
        published.add(ecJwk("ec-1", ec));
        FakeTransport t = new FakeTransport().on("GET " + WellKnownApi.JWKS_PATH, r -> {
            throw new java.net.ConnectException("Connection refused");
        });
        LatchkeyClient offline = LatchkeyClient.builder().baseUrl("http://127.0.0.1:1").transport(t).clock(clock).build();
        TokenVerifier v = TokenVerifier.builder().client(offline).issuer(ISSUER).build();
        String token = sign("ES256", "ec-1", claims(), ec.getPrivate());
        assertThatThrownBy(() -> v.verifyAccessToken(token)).isInstanceOf(NetworkException.class);

        t.on("GET " + WellKnownApi.JWKS_PATH, r -> FakeTransport.json(200, JsonCodec.write(new JsonWebKeySet(published))));
        clock.advance(Duration.ofSeconds(31));
        assertThat(v.verifyAccessToken(token).subject()).isEqualTo("u-1");
        t.on("GET " + WellKnownApi.JWKS_PATH, r -> {
            throw new java.net.ConnectException("Connection refused");
        });
        clock.advance(Duration.ofMinutes(11));
        assertThat(v.verifyAccessToken(token).subject()).as("stale keys beat no keys").isEqualTo("u-1");
    }

    @Test
    void readUnverifiedWhenTokenThenClaimsWithoutChecks() {
        Claims c = Claims.readUnverified(TestTokens.withClaims(Map.of("sub", "x", "token_use", "user", "exp", 5)));
        assertThat(c.subject()).isEqualTo("x");
        assertThat(c.authMode()).isEqualTo(AuthMode.USER);
        assertThat(c.expiresAt()).isEqualTo(Instant.ofEpochSecond(5));
        assertThatThrownBy(() -> Claims.readUnverified("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
