package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryTest {
    private static final String KEYS = "GET /iam/v1/admin/keys";
    private static final String ROTATE = "POST /iam/v1/admin/keys/rotate";
    private static final HttpTransport.Response OK = FakeTransport.json(200, "{\"keys\":[]}");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final FakeTransport transport = new FakeTransport();
    private final LatchkeyClient client = LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400")
            .credentials(Credentials.staticToken(TestTokens.ofUse("identity"))).transport(transport).clock(clock)
            .retryPolicy(RetryPolicy.builder().sleeper(waits::add).build()).build();

    private static HttpTransport.Response tooMany(String retryAfter) {
        return FakeTransport.json(429, "{\"name\":\"TooManyRequestsError\",\"message\":\"Too many requests\"}",
                retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter));
    }

    private static HttpTransport.Response unavailable() {
        return FakeTransport.json(503, "{\"name\":\"ServiceUnavailableError\",\"message\":\"not ready\"}");
    }

    @Test
    void getWhen429WithRetryAfterThenWaitsThatLongAndRetries() {
        transport.sequence(KEYS, tooMany("2"), OK);
        assertThat(client.keys().list()).isEmpty();
        assertThat(transport.count(KEYS)).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void getWhenRetryAfterIsHttpDateThenWaitsUntilThen() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(5).atZone(ZoneOffset.UTC));
        transport.sequence(KEYS, tooMany(date), OK);
        client.keys().list();
        assertThat(waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void getWhen503KeepsFailingThenThreeRetriesWithGrowingJitteredBackoffThenServerException() {
        transport.sequence(KEYS, unavailable());
        assertThatThrownBy(() -> client.keys().list()).isInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(((ServerException) e).status()).isEqualTo(503));
        assertThat(transport.count(KEYS)).isEqualTo(4);
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void getWhenInstanceNotBootstrappedThenNotRetried() {
        transport.sequence(KEYS, FakeTransport.json(503, "{\"name\":\"ServiceUnavailableError\",\"code\":\"not_bootstrapped\","
                + "\"message\":\"this instance is not initialised yet\"}"), OK);
        assertThatThrownBy(() -> client.keys().list()).isInstanceOf(ServerException.class);
        assertThat(transport.count(KEYS)).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void getWhenRetryAfterBeyondCapThenFailsAtOnceWithRetryAfter() {
        transport.sequence(KEYS, tooMany("3600"));
        assertThatThrownBy(() -> client.keys().list()).isInstanceOf(RateLimitException.class)
                .satisfies(e -> assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofHours(1)));
        assertThat(transport.count(KEYS)).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void postWhen429ThenNeverRetried() {
        transport.sequence(ROTATE, tooMany("1"), OK);
        assertThatThrownBy(() -> client.keys().rotate(SigningAlgorithm.ES256)).isInstanceOf(RateLimitException.class)
                .satisfies(e -> assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(1)));
        assertThat(transport.count(ROTATE)).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void postWhen503ThenNeverRetried() {
        transport.sequence(ROTATE, unavailable(), OK);
        assertThatThrownBy(() -> client.keys().rotate(SigningAlgorithm.RS256)).isInstanceOf(ServerException.class);
        assertThat(transport.count(ROTATE)).isEqualTo(1);
    }

    @Test
    void getWhen500Or502ThenNotRetried() {
        transport.sequence(KEYS, FakeTransport.json(500, "{\"name\":\"UnexpectedError\",\"message\":\"x\"}"), OK);
        assertThatThrownBy(() -> client.keys().list()).isInstanceOf(ServerException.class);
        assertThat(transport.count(KEYS)).isEqualTo(1);
    }

    @Test
    void getWhenRetryPolicyNoneThenNotRetried() {
        LatchkeyClient once = LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").transport(transport)
                .credentials(Credentials.staticToken(TestTokens.ofUse("user"))).retryPolicy(RetryPolicy.none()).build();
        transport.sequence(KEYS, tooMany("1"), OK);
        assertThatThrownBy(() -> once.keys().list()).isInstanceOf(RateLimitException.class);
        assertThat(transport.count(KEYS)).isEqualTo(1);
    }

    @Test
    void readyWhen503ThenAnswerNotErrorAndNotRetried() {
        transport.sequence("GET /readyz", FakeTransport.json(503, "{\"status\":\"not_ready\",\"reasons\":[\"not bootstrapped\"]}"));
        Readiness r = client.ready();
        assertThat(r.ready()).isFalse();
        assertThat(r.reasons()).containsExactly("not bootstrapped");
        assertThat(transport.count("GET /readyz")).isEqualTo(1);
    }

    @Test
    void builderWhenSettingsInvalidThenRejected() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(null)).hasMessage("initialBackoff cannot be null");
        assertThatThrownBy(() -> RetryPolicy.builder().sleeper(null)).hasMessage("sleeper cannot be null");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
