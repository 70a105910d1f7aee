package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
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

class RenewingCredentialsTest {
    private static final String LOGIN = "POST /iam/v1/login";
    private static final String USERS = "GET /iam/v1/users";
    private static final String EMPTY_USERS = "{\"users\":[],\"lastEvaluatedKey\":null}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeTransport transport = new FakeTransport().on(USERS, r -> FakeTransport.json(200, EMPTY_USERS));

    private LatchkeyClient client(Credentials credentials) {
        return LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").credentials(credentials)
                .transport(transport).clock(clock).build();
    }

    private void loginIssues(long expiresIn) {
        AtomicInteger n = new AtomicInteger();
        transport.on(LOGIN, r -> FakeTransport.json(200, "{\"accessToken\":\"" + TestTokens.withClaims(
                Map.of("token_use", "user", "n", n.incrementAndGet())) + "\",\"expiresIn\":" + expiresIn + ",\"tokenType\":\"Bearer\"}"));
    }

    private String sentToken() {
        return transport.last().header("Authorization");
    }

    @Test
    void accessTokenWhenCallStartsWithin30SecondsOfExpiryThenRenewsFirst() {
        loginIssues(3600);
        LatchkeyClient c = client(Credentials.userLogin("a@example.com", "pw"));
        c.users().list().firstPage();
        String first = sentToken();
        clock.advance(Duration.ofSeconds(3569));
        c.users().list().firstPage();
        assertThat(transport.count(LOGIN)).as("31 s before expiry: still valid").isEqualTo(1);
        assertThat(sentToken()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(2));
        c.users().list().firstPage();
        assertThat(transport.count(LOGIN)).as("29 s before expiry: renewed").isEqualTo(2);
        assertThat(sentToken()).isNotEqualTo(first);
    }

    @Test
    void accessTokenWhenLifetimeShorterThanWindowThenRenewsAtHalfLife() {
        loginIssues(20);
        LatchkeyClient c = client(Credentials.userLogin("a@example.com", "pw"));
        c.users().list().firstPage();
        clock.advance(Duration.ofSeconds(9));
        c.users().list().firstPage();
        assertThat(transport.count(LOGIN)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        c.users().list().firstPage();
        assertThat(transport.count(LOGIN)).isEqualTo(2);
    }

    @Test
    void accessTokenWhenFiftyConcurrentRequestsNeedRenewalThenOneRenewalServesAll() throws Exception {
        AtomicInteger n = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(THREADS);
        transport.on(LOGIN, r -> {
            started.await(5, TimeUnit.SECONDS); // hold the renewal until every request has started
            Thread.sleep(50);
            return FakeTransport.json(200, "{\"accessToken\":\"" + TestTokens.withClaims(
                    Map.of("token_use", "user", "n", n.incrementAndGet())) + "\",\"expiresIn\":3600}");
        });
        LatchkeyClient c = client(Credentials.userLogin("a@example.com", "pw"));
        concurrently(started, () -> c.users().list().firstPage());
        assertThat(transport.count(LOGIN)).isEqualTo(1);
        assertOneTokenServed(USERS, "/iam/v1/users");
    }

    @Test
    void accessTokenWhenFiftyConcurrentProjectRequestsNeedRenewalThenOnePatExchangeServesAll() throws Exception {
        PersonalAccessTokenCredentialsTest.serve(transport, 3600);
        transport.on(PersonalAccessTokenCredentialsTest.PRINCIPALS, r -> FakeTransport.json(200, "{\"records\":[]}"));
        LatchkeyClient c = client(PersonalAccessTokenCredentialsTest.credentials(TokenKeys.generate(TokenSigningAlgorithm.ES256)));
        c.principals().list().firstPage();
        clock.advance(Duration.ofSeconds(3571)); // 29 s before expiry: every request below needs a renewal

        CountDownLatch started = new CountDownLatch(THREADS);
        FakeTransport.Handler sts = r -> {
            started.await(5, TimeUnit.SECONDS);
            Thread.sleep(50);
            return FakeTransport.json(200, "{\"accessToken\":\"" + TestTokens.withClaims(Map.of("token_use", "project", "n", "renewed"))
                    + "\",\"expiresIn\":3600}");
        };
        transport.on(PersonalAccessTokenCredentialsTest.STS, sts);
        int before = transport.count(PersonalAccessTokenCredentialsTest.PRINCIPALS);
        concurrently(started, () -> c.principals().list().firstPage());
        assertThat(transport.count(PersonalAccessTokenCredentialsTest.TOKEN_ENDPOINT)).as("one assertion exchanged for all").isEqualTo(2);
        assertThat(transport.count(PersonalAccessTokenCredentialsTest.STS)).isEqualTo(2);
        assertThat(transport.count(PersonalAccessTokenCredentialsTest.PRINCIPALS) - before).isEqualTo(THREADS);
        assertThat(transport.requests().subList(transport.requests().size() - THREADS, transport.requests().size()).stream()
                .map(r -> r.header("Authorization")).distinct()).as("every request used the one renewed token").hasSize(1);
    }

    private static final int THREADS = 50;

    /** Runs {@code call} on 50 threads at once; each counts down {@code started} before calling. */
    private static void concurrently(CountDownLatch started, java.util.concurrent.Callable<Page<?>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Page<?>>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(() -> {
                    started.countDown();
                    return call.call();
                }));
            }
            for (Future<Page<?>> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS).items()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertOneTokenServed(String route, String path) {
        assertThat(transport.count(route)).isEqualTo(THREADS);
        assertThat(transport.requests().stream().filter(r -> r.uri().getPath().equals(path))
                .map(r -> r.header("Authorization")).distinct()).as("every request used the one renewed token").hasSize(1);
    }

    @Test
    void accessTokenWhenLoginRejectedThenUnauthorizedOnceAndNoLoop() {
        transport.on(LOGIN, r -> FakeTransport.json(403, "{\"name\":\"UnauthorizedError\",\"message\":\"Unauthorized\","
                + "\"httpStatusCode\":403,\"traceId\":\"t-1\",\"code\":\"credentials_invalid\","
                + "\"details\":[{\"issue\":\"invalid email or password\"}]}"));
        LatchkeyClient c = client(Credentials.userLogin("a@example.com", "wrong"));

        assertThatThrownBy(() -> c.users().list().firstPage()).isInstanceOf(UnauthorizedException.class)
                .satisfies(e -> {
                    UnauthorizedException u = (UnauthorizedException) e;
                    assertThat(u.code()).isEqualTo("credentials_invalid");
                    assertThat(u.requestId()).isEqualTo("t-1");
                    assertThat(u.serverMessage()).isEqualTo("invalid email or password");
                });
        assertThat(transport.count(LOGIN)).isEqualTo(1);
        assertThat(transport.count(USERS)).isZero();

        assertThatThrownBy(() -> c.users().list().firstPage()).isInstanceOf(UnauthorizedException.class);
        assertThat(transport.count(LOGIN)).as("the next call tries once more, never in a loop").isEqualTo(2);
    }

    @Test
    void accessTokenWhenLoginUnreachableThenNetworkException() {
        transport.on(LOGIN, r -> {
            throw new ConnectException("Connection refused");
        });
        LatchkeyClient c = client(Credentials.userLogin("a@example.com", "pw"));
        assertThatThrownBy(() -> c.users().list().firstPage()).isInstanceOf(NetworkException.class)
                .hasMessageContaining("Connection refused");
        assertThat(transport.count(LOGIN)).isEqualTo(1);
        assertThat(transport.count(USERS)).isZero();
    }

    @Test
    void accessTokenWhenLoginFailsOnServerThenUnauthorizedWithServerErrorAsCause() {
        transport.on(LOGIN, r -> FakeTransport.json(500, "{\"name\":\"UnexpectedError\",\"message\":\"Unexpected Error Occurred.\"}",
                Map.of("X-Request-Id", "r-500")));
        LatchkeyClient c = client(Credentials.userLogin("a@example.com", "pw"));
        assertThatThrownBy(() -> c.users().list().firstPage()).isInstanceOf(UnauthorizedException.class)
                .hasCauseInstanceOf(ServerException.class)
                .satisfies(e -> {
                    assertThat(((UnauthorizedException) e).code()).isEqualTo(UnauthorizedException.RENEWAL_FAILED);
                    assertThat(((UnauthorizedException) e).requestId()).isEqualTo("r-500");
                });
        assertThat(transport.count(LOGIN)).as("a POST is never retried").isEqualTo(1);
    }

    @Test
    void invalidateWhenServerRejectsTokenThenNextCallRenews() {
        loginIssues(3600);
        transport.sequence(USERS,
                FakeTransport.json(403, "{\"name\":\"UnauthorizedError\",\"code\":\"token_revoked\",\"message\":\"Unauthorized\"}"),
                FakeTransport.json(200, EMPTY_USERS));
        LatchkeyClient c = client(Credentials.userLogin("a@example.com", "pw"));
        assertThatThrownBy(() -> c.users().list().firstPage()).isInstanceOf(UnauthorizedException.class);
        c.users().list().firstPage();
        assertThat(transport.count(LOGIN)).isEqualTo(2);
    }

    @Test
    void constructorWhenArgumentsMissingThenNamesThem() {
        assertThatThrownBy(() -> Credentials.userLogin(null, "pw")).isInstanceOf(NullPointerException.class)
                .hasMessage("email cannot be null");
        assertThatThrownBy(() -> Credentials.userLogin("a@example.com", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("password cannot be null");
        assertThatThrownBy(() -> new RenewingCredentials(null) {
            @Override
            protected AccessToken obtain(RenewalContext context) {
                return null;
            }
        }).isInstanceOf(NullPointerException.class).hasMessage("mode cannot be null");
        assertThatThrownBy(() -> new RenewingCredentials(AuthMode.NONE) {
            @Override
            protected AccessToken obtain(RenewalContext context) {
                return null;
            }
        }).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenCredentialsOrTokensPrintedThenSecretsMasked() {
        assertThat(Credentials.userLogin("a@example.com", "hunter2").toString()).doesNotContain("hunter2");
        assertThat(new AccessToken("secret-token", null).toString()).doesNotContain("secret-token");
        assertThat(new LoginResponse("secret-token", 1, "Bearer").toString()).doesNotContain("secret-token");
        assertThat(CreateUserRequest.of("a@example.com", "hunter2").toString()).doesNotContain("hunter2");
        assertThat(new BootstrapRequest("a@example.com", "hunter2", "Acme").toString()).doesNotContain("hunter2");
    }

    @Test
    void accessTokenOfWhenNoExpiresInThenReadsJwtExp() {
        String jwt = TestTokens.withClaims(Map.of("exp", 1_900_000_000L, "token_use", "user"));
        assertThat(AccessToken.of(jwt, 0, clock).expiresAt()).isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
        assertThat(AccessToken.of(jwt, 60, clock).expiresAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(AccessToken.of("opaque", 0, clock).expiresAt()).isNull();
    }
}
