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

/** The access-key credential provider: exchange, renewal within 30 s of expiry, single flight, typed failures. */
class AccessKeyCredentialsTest {
    private static final String PROJECT = "P" + "a".repeat(27);
    private static final String KEY = "k3y-value-never-printed";
    private static final String EXCHANGE = "POST /v1/auth/accesskey/exchange";
    private static final String INACTIVE = "{\"errorCode\":\"E011101\",\"errorDescription\":\"credentials_invalid\","
            + "\"errorMessage\":\"the access key is not active\",\"message\":\"the access key is not active\",\"traceId\":\"t-401\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeTransport transport = new FakeTransport();
    private final AtomicInteger issued = new AtomicInteger();

    private LatchkeyClient client(Credentials credentials) {
        return LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").credentials(credentials)
                .transport(transport).clock(clock).build();
    }

    /** Sessions of 600 s, stamped by a server whose clock runs an hour ahead of the client's. */
    private FakeTransport.Handler sessions() {
        return r -> {
            long iat = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
            String jwt = TestTokens.withClaims(Map.of("sub", "K1", "iat", iat, "exp", iat + 600, "n", issued.incrementAndGet()));
            return FakeTransport.json(200, "{\"keyId\":\"K1\",\"sessionJwt\":\"" + jwt + "\",\"expiration\":" + (iat + 600) + "}");
        };
    }

    @Test
    void accessTokenWhenFirstCalledThenExchangesWithProjectAndKeyAsBearer() {
        transport.on(EXCHANGE, sessions());
        LatchkeyClient c = client(Credentials.accessKey(PROJECT, KEY));
        String token = c.accessToken();
        assertThat(Claims.readUnverified(token).subject()).isEqualTo("K1");
        assertThat(transport.last().header("Authorization")).isEqualTo("Bearer " + PROJECT + ":" + KEY);
        assertThat(new String(transport.last().body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(c.authMode()).isEqualTo(AuthMode.ACCESS_KEY);
        assertThat(c.accessToken()).as("a second call reuses the session").isEqualTo(token);
        assertThat(transport.count(EXCHANGE)).isEqualTo(1);
    }

    @Test
    void accessTokenWhenCallStartsWithin30SecondsOfExpiryThenRenewsFirst() {
        transport.on(EXCHANGE, sessions());
        LatchkeyClient c = client(Credentials.accessKey(PROJECT, KEY));
        String first = c.accessToken();
        clock.advance(Duration.ofSeconds(569));
        assertThat(c.accessToken()).as("31 s before expiry, on the client's clock: still valid").isEqualTo(first);
        clock.advance(Duration.ofSeconds(2));
        String second = c.accessToken();
        assertThat(second).as("29 s before expiry: renewed").isNotEqualTo(first);
        assertThat(transport.count(EXCHANGE)).isEqualTo(2);
    }

    @Test
    void accessTokenWhenFiftyConcurrentCallsNeedRenewalThenOneExchangeServesAll() throws Exception {
        int threads = 50;
        CountDownLatch started = new CountDownLatch(threads);
        FakeTransport.Handler sessions = sessions();
        transport.on(EXCHANGE, r -> {
            started.await(5, TimeUnit.SECONDS); // hold the exchange until every call has started
            Thread.sleep(50);
            return sessions.handle(r);
        });
        LatchkeyClient c = client(Credentials.accessKey(PROJECT, KEY));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> tokens = new ArrayList<>();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    started.countDown();
                    return c.accessToken();
                }));
            }
            for (Future<String> f : results) {
                tokens.add(f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(transport.count(EXCHANGE)).isEqualTo(1);
        assertThat(tokens).hasSize(threads).containsOnly(tokens.get(0));

        clock.advance(Duration.ofSeconds(580)); // inside the renewal window: the next wave shares one renewal too
        CountDownLatch again = new CountDownLatch(threads);
        ExecutorService pool2 = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool2.submit(() -> {
                    again.countDown();
                    again.await(5, TimeUnit.SECONDS);
                    return c.accessToken();
                }));
            }
            for (Future<String> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isNotEqualTo(tokens.get(0));
            }
        } finally {
            pool2.shutdownNow();
        }
        assertThat(transport.count(EXCHANGE)).isEqualTo(2);
    }

    @Test
    void accessTokenWhenKeyDeactivatedThenTypedUnauthorizedOnceAndNoLoop() {
        transport.on(EXCHANGE, r -> FakeTransport.json(401, INACTIVE));
        LatchkeyClient c = client(Credentials.accessKey(PROJECT, KEY));
        assertThatThrownBy(c::accessToken).isInstanceOfSatisfying(UnauthorizedException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("credentials_invalid");
            assertThat(e.serverMessage()).isEqualTo("the access key is not active");
            assertThat(e.requestId()).isEqualTo("t-401");
            assertThat(e.getMessage()).doesNotContain(KEY);
        });
        assertThat(transport.count(EXCHANGE)).isEqualTo(1);
        assertThatThrownBy(c::accessToken).isInstanceOf(UnauthorizedException.class);
        assertThat(transport.count(EXCHANGE)).as("the next call tries once more, never in a loop").isEqualTo(2);
    }

    @Test
    void accessTokenWhenRenewalFailsOnServerThenRenewalFailedWithCause() {
        FakeTransport.Handler sessions = sessions();
        AtomicInteger calls = new AtomicInteger();
        transport.on(EXCHANGE, r -> calls.incrementAndGet() == 1 ? sessions.handle(r)
                : FakeTransport.json(429, "{\"errorCode\":\"E130429\",\"errorDescription\":\"rate_limited\","
                + "\"errorMessage\":\"too many attempts\"}", Map.of("Retry-After", "7")));
        LatchkeyClient c = client(Credentials.accessKey(PROJECT, KEY));
        c.accessToken();
        clock.advance(Duration.ofSeconds(590));
        assertThatThrownBy(c::accessToken).isInstanceOfSatisfying(UnauthorizedException.class, e -> {
            assertThat(e.code()).isEqualTo(UnauthorizedException.RENEWAL_FAILED);
            assertThat(e.getCause()).isInstanceOfSatisfying(RateLimitException.class,
                    rl -> assertThat(rl.retryAfter()).contains(Duration.ofSeconds(7)));
        });
        assertThat(transport.count(EXCHANGE)).as("the exchange (a POST) is not retried").isEqualTo(2);
    }

    @Test
    void accessTokenWhenOptionsGivenThenSentAsLoginOptions() {
        transport.on(EXCHANGE, sessions());
        client(Credentials.accessKey(PROJECT, KEY, ExchangeOptions.NONE.withClaim("job", "nightly").withSelectedTenant("acme")))
                .accessToken();
        assertThat(new String(transport.last().body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"loginOptions\":{\"customClaims\":{\"job\":\"nightly\"},\"selectedTenant\":\"acme\"}}");
    }

    @Test
    void accessKeyWhenArgumentsInvalidThenRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> Credentials.accessKey(null, KEY)).isInstanceOf(NullPointerException.class)
                .hasMessage("projectId cannot be null");
        assertThatThrownBy(() -> Credentials.accessKey(PROJECT, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("accessKey cannot be null");
        assertThatThrownBy(() -> Credentials.accessKey("P1:x", KEY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("projectId must be P followed by 27");
        assertThatThrownBy(() -> Credentials.accessKey(PROJECT, "a:b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("a:b");
        assertThatThrownBy(() -> Credentials.accessKey(PROJECT, KEY, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("options cannot be null");
        assertThat(transport.total()).isZero();
    }

    @Test
    void toStringWhenPrintedThenKeyAndSessionMasked() {
        assertThat(Credentials.accessKey(PROJECT, KEY).toString()).doesNotContain(KEY).contains(PROJECT);
        assertThat(new AccessKeySession("K1", "jwt-secret", 1).toString()).doesNotContain("jwt-secret");
        assertThat(new CreatedAccessKey(null, KEY).toString()).doesNotContain(KEY);
        assertThat(new CreatedManagementKey(null, KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void accessTokenWhenClientHasNoCredentialsThenAuthModeException() {
        assertThatThrownBy(() -> client(Credentials.none()).accessToken()).isInstanceOf(AuthModeException.class);
        assertThat(transport.total()).isZero();
    }
}
