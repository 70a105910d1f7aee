package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UniversalAuthCredentialsTest {
    private static final String LOGIN = "POST /api/v1/auth/universal-auth/login";
    private static final String RENEW = "POST /api/v1/auth/token/renew";
    private static final String WORKSPACES = "GET /api/v1/workspace";
    private static final String UNAUTHORIZED = "{\"reqId\":\"r-401\",\"statusCode\":401,\"message\":\"Invalid credentials\","
            + "\"error\":\"UnauthorizedError\",\"code\":\"credentials_invalid\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger issued = new AtomicInteger();
    private final FakeTransport transport = new FakeTransport()
            .on(WORKSPACES, r -> FakeTransport.json(200, "{\"workspaces\":[]}"));

    private LatchkeyClient client() {
        return LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").transport(transport).clock(clock)
                .credentials(Credentials.universalAuth("client-1", "the-client-secret")).build();
    }

    private FakeTransport.Handler issuing(long expiresIn, long maxTtl) {
        return r -> FakeTransport.json(200, "{\"accessToken\":\"" + TestTokens.withClaims(Map.of("token_use", "identity",
                "n", issued.incrementAndGet())) + "\",\"expiresIn\":" + expiresIn + ",\"accessTokenMaxTTL\":" + maxTtl
                + ",\"tokenType\":\"Bearer\"}");
    }

    private String sentToken() {
        return transport.requests().stream().filter(r -> r.uri().getPath().equals("/api/v1/workspace"))
                .reduce((a, b) -> b).orElseThrow().header("Authorization");
    }

    private static String body(HttpTransport.Request r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void accessTokenWhenFirstCallThenLogsInWithClientIdAndSecretWithoutAuthorizationHeader() {
        transport.on(LOGIN, issuing(3600, 86400));
        client().workspaces().list();
        HttpTransport.Request login = transport.requests().get(0);
        assertThat(login.uri().getPath()).isEqualTo("/api/v1/auth/universal-auth/login");
        assertThat(login.header("Authorization")).isNull();
        assertThat(body(login)).contains("\"clientId\":\"client-1\"").contains("\"clientSecret\":\"the-client-secret\"");
        assertThat(sentToken()).startsWith("Bearer ey");
    }

    @Test
    void accessTokenWhenCallStartsWithin30SecondsOfExpiryThenRenewsTheSessionInsteadOfLoggingIn() {
        transport.on(LOGIN, issuing(3600, 86400)).on(RENEW, issuing(3600, 86400));
        LatchkeyClient c = client();
        c.workspaces().list();
        String first = sentToken();
        clock.advance(Duration.ofSeconds(3569));
        c.workspaces().list();
        assertThat(sentToken()).as("31 s before expiry: still the first token").isEqualTo(first);
        assertThat(transport.count(RENEW)).isZero();

        clock.advance(Duration.ofSeconds(2));
        c.workspaces().list();
        assertThat(transport.count(RENEW)).as("29 s before expiry: renewed").isEqualTo(1);
        assertThat(transport.count(LOGIN)).as("renewal spends no client-secret use").isEqualTo(1);
        HttpTransport.Request renew = transport.requests().stream().filter(r -> r.uri().getPath().endsWith("/renew"))
                .findFirst().orElseThrow();
        assertThat(body(renew)).isEqualTo("{\"accessToken\":\"" + first.substring("Bearer ".length()) + "\"}");
        assertThat(sentToken()).isNotEqualTo(first);
    }

    @Test
    void accessTokenWhenRenewalRefusedThenLogsInAgain() {
        transport.on(LOGIN, issuing(3600, 86400)).on(RENEW, r -> FakeTransport.json(401, UNAUTHORIZED));
        LatchkeyClient c = client();
        c.workspaces().list();
        clock.advance(Duration.ofSeconds(3590));
        c.workspaces().list();
        assertThat(transport.count(RENEW)).isEqualTo(1);
        assertThat(transport.count(LOGIN)).isEqualTo(2);
        assertThat(transport.count(WORKSPACES)).isEqualTo(2);
    }

    @Test
    void accessTokenWhenRenewalWouldPassMaxTtlThenLogsInWithoutTryingToRenew() {
        transport.on(LOGIN, issuing(3600, 3600)).on(RENEW, issuing(3600, 3600));
        LatchkeyClient c = client();
        c.workspaces().list();
        clock.advance(Duration.ofSeconds(3590));
        c.workspaces().list();
        assertThat(transport.count(RENEW)).isZero();
        assertThat(transport.count(LOGIN)).isEqualTo(2);
    }

    @Test
    void accessTokenWhenTokenAlreadyExpiredThenLogsInRatherThanRenewing() {
        transport.on(LOGIN, issuing(60, 86400)).on(RENEW, issuing(60, 86400));
        LatchkeyClient c = client();
        c.workspaces().list();
        clock.advance(Duration.ofSeconds(600));
        c.workspaces().list();
        assertThat(transport.count(RENEW)).isZero();
        assertThat(transport.count(LOGIN)).isEqualTo(2);
    }

    @Test
    void accessTokenWhenFiftyConcurrentRequestsNeedRenewalThenOneRenewalServesAll() throws Exception {
        transport.on(LOGIN, issuing(3600, 86400));
        LatchkeyClient c = client();
        c.workspaces().list();
        clock.advance(Duration.ofSeconds(3580));
        int threads = 50;
        CountDownLatch started = new CountDownLatch(threads);
        FakeTransport.Handler renewal = issuing(3600, 86400);
        transport.on(RENEW, r -> {
            started.await(5, TimeUnit.SECONDS); // hold the renewal until every request has started
            Thread.sleep(50);
            return renewal.handle(r);
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Workspace>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    started.countDown();
                    return c.workspaces().list();
                }));
            }
            for (Future<List<Workspace>> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(transport.count(RENEW)).isEqualTo(1);
        assertThat(transport.count(LOGIN)).isEqualTo(1);
        assertThat(transport.count(WORKSPACES)).isEqualTo(threads + 1);
        assertThat(transport.requests().stream().filter(r -> r.uri().getPath().equals("/api/v1/workspace")).skip(1)
                .map(r -> r.header("Authorization")).distinct()).as("every request used the one renewed token").hasSize(1);
    }

    @Test
    void accessTokenWhenLoginRefusedThenTypedErrorOnceAndNoLoop() {
        transport.on(LOGIN, r -> FakeTransport.json(401, UNAUTHORIZED));
        LatchkeyClient c = client();
        assertThatThrownBy(() -> c.workspaces().list()).isInstanceOf(UnauthorizedException.class)
                .satisfies(e -> {
                    UnauthorizedException u = (UnauthorizedException) e;
                    assertThat(u.status()).isEqualTo(401);
                    assertThat(u.code()).isEqualTo("credentials_invalid");
                    assertThat(u.requestId()).isEqualTo("r-401");
                    assertThat(u.getMessage()).doesNotContain("the-client-secret");
                });
        assertThat(transport.count(LOGIN)).isEqualTo(1);
        assertThat(transport.count(WORKSPACES)).isZero();
        assertThatThrownBy(() -> c.workspaces().list()).isInstanceOf(UnauthorizedException.class);
        assertThat(transport.count(LOGIN)).as("the next call tries once more, never in a loop").isEqualTo(2);
    }

    @Test
    void accessTokenWhenLoginRateLimitedThenNotRetriedAndRenewalFailureCarriesCause() {
        transport.on(LOGIN, r -> FakeTransport.json(429, "{\"statusCode\":429,\"message\":\"Too many\",\"error\":\"RateLimitExceeded\"}",
                Map.of("Retry-After", "300")));
        assertThatThrownBy(() -> client().workspaces().list()).isInstanceOf(UnauthorizedException.class)
                .hasCauseInstanceOf(RateLimitException.class)
                .satisfies(e -> assertThat(((UnauthorizedException) e).code()).isEqualTo(UnauthorizedException.RENEWAL_FAILED));
        assertThat(transport.count(LOGIN)).isEqualTo(1);
    }

    @Test
    void constructorWhenArgumentsMissingThenNamesThemAndToStringMasksSecret() {
        assertThatThrownBy(() -> Credentials.universalAuth(null, "s")).isInstanceOf(NullPointerException.class)
                .hasMessage("clientId cannot be null");
        assertThatThrownBy(() -> Credentials.universalAuth("c", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("clientSecret cannot be null");
        assertThatThrownBy(() -> Credentials.universalAuth("c", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clientSecret cannot be blank");
        RenewingCredentials c = Credentials.universalAuth("client-1", "the-client-secret");
        assertThat(c.mode()).isEqualTo(AuthMode.IDENTITY);
        assertThat(c.toString()).contains("client-1").doesNotContain("the-client-secret");
    }

    @Test
    void identityTokenWhenUsedThenSentAsIsAndNeverRenewed() {
        LatchkeyClient c = LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").transport(transport).clock(clock)
                .credentials(Credentials.identityToken("opaque-identity-token")).build();
        assertThat(c.authMode()).isEqualTo(AuthMode.IDENTITY);
        c.workspaces().list();
        clock.advance(Duration.ofDays(400));
        c.workspaces().list();
        assertThat(sentToken()).isEqualTo("Bearer opaque-identity-token");
        assertThat(transport.total()).isEqualTo(2);
    }
}
