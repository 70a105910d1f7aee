package io.latchkey.sdk;

import io.latchkey.sdk.internal.EcdsaSignatures;
import io.latchkey.sdk.internal.JwtParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalAccessTokenCredentialsTest {
    static final String TOKEN_ENDPOINT = "POST /auth/oauth2/token";
    static final String STS = "POST /iam/v1/sts/create-project-scoped-token";
    static final String PRINCIPALS = "GET /iam/v1/projects/principals";
    private static final String BASE = "http://127.0.0.1:8400";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeTransport transport = new FakeTransport()
            .on(PRINCIPALS, r -> FakeTransport.json(200, "{\"records\":[]}"));

    /** The token endpoint and STS of a server that knows the token: each STS call issues a new token. */
    static void serve(FakeTransport transport, long expiresIn) {
        AtomicInteger n = new AtomicInteger();
        transport.on(TOKEN_ENDPOINT, r -> FakeTransport.json(200, "{\"access_token\":\"" + TestTokens.ofUse("pat")
                + "\",\"token_type\":\"bearer\",\"expires_in\":300,\"scope\":\"openid\"}"));
        transport.on(STS, r -> FakeTransport.json(200, "{\"accessToken\":\"" + TestTokens.withClaims(
                Map.of("token_use", "project", "n", n.incrementAndGet())) + "\",\"expiresIn\":" + expiresIn + ",\"scope\":\"openid\"}"));
    }

    static PersonalAccessTokenCredentials credentials(KeyPair pair) {
        return Credentials.personalAccessToken().tokenId("tok-1").privateKey(pair.getPrivate()).projectId("P1").build();
    }

    private LatchkeyClient client(Credentials c) {
        return LatchkeyClient.builder().baseUrl(BASE).credentials(c).transport(transport).clock(clock).build();
    }

    private static Map<String, String> form(HttpTransport.Request r) {
        Map<String, String> out = new HashMap<>();
        for (String pair : new String(r.body(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(TokenSigningAlgorithm.class)
    void obtainWhenCalledThenSignedAssertionExchangedThenProjectScopedTokenSent(TokenSigningAlgorithm alg) throws Exception {
        serve(transport, 3600);
        KeyPair pair = TokenKeys.generate(alg);
        PersonalAccessTokenCredentials pat = Credentials.personalAccessToken().tokenId("tok-1").keyId("key-7")
                .privateKeyPem(TokenKeys.privateKeyPem(pair.getPrivate(), "pw".toCharArray()), "pw".toCharArray())
                .algorithm(alg).projectId("P1").build();
        assertThat(pat.mode()).isEqualTo(AuthMode.PROJECT);
        client(pat).principals().list().firstPage();

        HttpTransport.Request exchange = transport.requests().get(0);
        assertThat(exchange.uri().toString()).isEqualTo(BASE + "/auth/oauth2/token");
        assertThat(exchange.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(exchange.header("Authorization")).isNull();
        Map<String, String> f = form(exchange);
        assertThat(f).containsEntry("grant_type", "client_credentials").containsEntry("client_id", "tok-1")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        JwtParts a = JwtParts.parse(f.get("client_assertion"));
        assertThat(a.header()).containsEntry("alg", alg.name()).containsEntry("typ", "JWT").containsEntry("kid", "key-7");
        assertThat(a.payload()).containsEntry("iss", "tok-1").containsEntry("sub", "tok-1")
                .containsEntry("aud", BASE + "/auth/oauth2/token").containsKey("jti");
        long iat = ((Number) a.payload().get("iat")).longValue();
        assertThat(iat).isEqualTo(clock.instant().getEpochSecond());
        assertThat(((Number) a.payload().get("exp")).longValue()).isEqualTo(iat + 300);
        assertThat(verifies(pair.getPublic(), alg, a)).as("signed with the token's private key").isTrue();

        HttpTransport.Request sts = transport.requests().get(1);
        assertThat(sts.header("Authorization")).startsWith("Bearer ").contains(TestTokens.ofUse("pat"));
        assertThat(new String(sts.body(), StandardCharsets.UTF_8)).isEqualTo("{\"projectId\":\"P1\"}");
        assertThat(transport.last().header("Authorization")).isNotEqualTo(sts.header("Authorization"))
                .contains("Bearer ey");
    }

    private static boolean verifies(PublicKey key, TokenSigningAlgorithm alg, JwtParts jwt) throws Exception {
        Signature v = Signature.getInstance(alg.jdkName());
        v.initVerify(key);
        v.update(jwt.signingInput().getBytes(StandardCharsets.US_ASCII));
        byte[] sig = alg.ecPartLength() == 0 ? jwt.signature() : EcdsaSignatures.joseToDer(jwt.signature(), alg.ecPartLength());
        return v.verify(sig);
    }

    @Test
    void assertionWhenSignedTwiceThenFreshJtiEachTime() {
        PersonalAccessTokenCredentials pat = credentials(TokenKeys.generate(TokenSigningAlgorithm.ES256));
        Set<Object> jtis = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            jtis.add(JwtParts.parse(pat.assertion("aud", clock.instant())).payload().get("jti"));
        }
        assertThat(jtis).hasSize(20);
    }

    @Test
    void audienceWhenConfiguredThenAssertionCarriesIt() {
        serve(transport, 3600);
        KeyPair pair = TokenKeys.generate(TokenSigningAlgorithm.RS256);
        client(Credentials.personalAccessToken().tokenId("tok-1").privateKey(pair.getPrivate()).projectId("P1")
                .audience("https://latchkey.example.com/auth/oauth2/token").build()).principals().list().firstPage();
        JwtParts a = JwtParts.parse(form(transport.requests().get(0)).get("client_assertion"));
        assertThat(a.payload()).containsEntry("aud", "https://latchkey.example.com/auth/oauth2/token");
        assertThat(a.header()).containsEntry("kid", "tok-1").containsEntry("alg", "RS256");
    }

    @Test
    void accessTokenWhenWithin30SecondsOfExpiryThenWholeFlowRunsAgain() {
        serve(transport, 600);
        LatchkeyClient c = client(credentials(TokenKeys.generate(TokenSigningAlgorithm.ES256)));
        c.principals().list().firstPage();
        clock.advance(Duration.ofSeconds(569));
        c.principals().list().firstPage();
        assertThat(transport.count(TOKEN_ENDPOINT)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        c.principals().list().firstPage();
        assertThat(transport.count(TOKEN_ENDPOINT)).as("a new assertion, a new session").isEqualTo(2);
        assertThat(transport.count(STS)).isEqualTo(2);
    }

    @Test
    void accessTokenWhenAssertionRejectedThenUnauthorizedOnceNoStsNoLoop() {
        transport.on(TOKEN_ENDPOINT, r -> FakeTransport.json(401, "{\"error\":\"invalid_client\","
                + "\"error_description\":\"the client assertion's signature does not verify\"}", Map.of("X-Request-Id", "r-1")));
        LatchkeyClient c = client(credentials(TokenKeys.generate(TokenSigningAlgorithm.RS256)));
        assertThatThrownBy(() -> c.principals().list().firstPage()).isInstanceOf(UnauthorizedException.class)
                .satisfies(e -> {
                    UnauthorizedException u = (UnauthorizedException) e;
                    assertThat(u.serverMessage()).isEqualTo("the client assertion's signature does not verify");
                    assertThat(u.requestId()).isEqualTo("r-1");
                });
        assertThat(transport.count(TOKEN_ENDPOINT)).isEqualTo(1);
        assertThat(transport.count(STS)).isZero();
        assertThat(transport.count(PRINCIPALS)).isZero();
    }

    @Test
    void accessTokenWhenTokenNotInProjectThenRenewalFailedWithForbiddenCause() {
        serve(transport, 3600);
        transport.on(STS, r -> FakeTransport.json(403, "{\"name\":\"PrincipalDoesNotBelongToProjectError\","
                + "\"message\":\"Principal does not belong to the given project\",\"httpStatusCode\":403,\"traceId\":\"t-9\"}"));
        LatchkeyClient c = client(credentials(TokenKeys.generate(TokenSigningAlgorithm.RS256)));
        assertThatThrownBy(() -> c.principals().list().firstPage()).isInstanceOf(UnauthorizedException.class)
                .hasCauseInstanceOf(ForbiddenException.class)
                .satisfies(e -> {
                    assertThat(((UnauthorizedException) e).code()).isEqualTo(UnauthorizedException.RENEWAL_FAILED);
                    assertThat(e.getMessage()).contains("project-scoped token").contains("does not belong");
                });
        assertThat(transport.count(STS)).as("a POST is never retried").isEqualTo(1);
    }

    @Test
    void callWhenResourceRefusesProjectTokensThenNoExchangeAttempted() {
        LatchkeyClient c = client(credentials(TokenKeys.generate(TokenSigningAlgorithm.RS256)));
        assertThatThrownBy(() -> c.tokens().list().firstPage()).isInstanceOf(AuthModeException.class)
                .hasMessageContaining("tokens does not accept a project-scoped token");
        assertThat(transport.total()).isZero();
    }

    @Test
    void builderWhenMissingOrMismatchedThenNamesTheProblem() {
        KeyPair ec = TokenKeys.generate(TokenSigningAlgorithm.ES256);
        assertThatThrownBy(() -> Credentials.personalAccessToken().privateKey(ec.getPrivate()).projectId("P1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tokenId cannot be null");
        assertThatThrownBy(() -> Credentials.personalAccessToken().tokenId("t").projectId("P1").build())
                .hasMessageContaining("privateKey cannot be null");
        assertThatThrownBy(() -> Credentials.personalAccessToken().tokenId("t").privateKey(ec.getPrivate()).build())
                .hasMessageContaining("projectId cannot be null");
        assertThatThrownBy(() -> Credentials.personalAccessToken().tokenId("t").privateKey(ec.getPrivate()).projectId("P1")
                .algorithm(TokenSigningAlgorithm.RS256).build()).hasMessage("a 256-bit EC key cannot sign RS256");
        assertThatThrownBy(() -> Credentials.personalAccessToken().tokenId(" ")).hasMessage("tokenId cannot be blank");
        assertThat(credentials(ec).toString()).contains("tok-1").doesNotContain("PRIVATE");
        assertThat(credentials(ec).algorithm()).isEqualTo(TokenSigningAlgorithm.ES256);
    }
}
