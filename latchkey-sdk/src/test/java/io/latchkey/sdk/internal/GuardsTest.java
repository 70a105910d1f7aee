package io.latchkey.sdk.internal;

import io.latchkey.sdk.AccessToken;
import io.latchkey.sdk.ApiError;
import io.latchkey.sdk.AuthMode;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.HttpTransport;
import io.latchkey.sdk.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every constructor guard of the SDK's internal and value types names the missing argument. */
class GuardsTest {
    private static final URI BASE = URI.create("http://127.0.0.1:8400");
    private static final HttpTransport NO_NETWORK = r -> {
        throw new java.io.IOException("no network in this test");
    };
    private static final ClientSettings SETTINGS = new ClientSettings(BASE, NO_NETWORK, Duration.ofSeconds(1), Map.of(),
            Clock.systemUTC(), RetryPolicy.none());

    @Test
    void clientSettingsWhenNullsThenNamed() {
        assertThatThrownBy(() -> new ClientSettings(null, NO_NETWORK, Duration.ofSeconds(1), Map.of(), Clock.systemUTC(),
                RetryPolicy.none())).hasMessage("baseUrl cannot be null");
        assertThatThrownBy(() -> new ClientSettings(BASE, null, Duration.ofSeconds(1), Map.of(), Clock.systemUTC(),
                RetryPolicy.none())).hasMessage("transport cannot be null");
        assertThatThrownBy(() -> new ClientSettings(BASE, NO_NETWORK, null, Map.of(), Clock.systemUTC(), RetryPolicy.none()))
                .hasMessage("timeout cannot be null");
        assertThatThrownBy(() -> new ClientSettings(BASE, NO_NETWORK, Duration.ofSeconds(1), Map.of(), null, RetryPolicy.none()))
                .hasMessage("clock cannot be null");
        assertThatThrownBy(() -> new ClientSettings(BASE, NO_NETWORK, Duration.ofSeconds(1), Map.of(), Clock.systemUTC(), null))
                .hasMessage("retryPolicy cannot be null");
    }

    @Test
    void executorAndTransportWhenNullsThenNamed() {
        assertThatThrownBy(() -> new ApiExecutor(null, Credentials.none())).hasMessage("settings cannot be null");
        assertThatThrownBy(() -> new ApiExecutor(SETTINGS, null)).hasMessage("credentials cannot be null");
        assertThatThrownBy(() -> new JdkHttpTransport(null)).hasMessage("client cannot be null");
        assertThatThrownBy(() -> HttpTransport.jdk((Duration) null)).hasMessage("connectTimeout cannot be null");
        assertThatThrownBy(() -> new HttpTransport.Request(null, BASE, Map.of(), null, Duration.ZERO)).hasMessage("method cannot be null");
        assertThatThrownBy(() -> new HttpTransport.Request("GET", null, Map.of(), null, Duration.ZERO)).hasMessage("uri cannot be null");
        assertThatThrownBy(() -> new HttpTransport.Response(200, null, null)).hasMessage("headers cannot be null");
    }

    @Test
    void cacheCallsAndPoliciesWhenNullsThenNamed() {
        assertThatThrownBy(() -> new JwksCache(null, Clock.systemUTC(), Duration.ZERO, Duration.ZERO)).hasMessage("fetch cannot be null");
        assertThatThrownBy(() -> new JwksCache(() -> null, null, Duration.ZERO, Duration.ZERO)).hasMessage("clock cannot be null");
        assertThatThrownBy(() -> ApiCall.get(null, String.class, AuthPolicy.none())).hasMessage("path cannot be null");
        assertThatThrownBy(() -> ApiCall.get("/x", String.class, null)).hasMessage("auth cannot be null");
        assertThatThrownBy(() -> ApiCall.segment(null)).hasMessage("path segment cannot be null");
        assertThatThrownBy(() -> new AuthPolicy(null, java.util.Set.of())).hasMessage("resource cannot be null");
    }

    @Test
    void valuesWhenInvalidThenRejected() {
        assertThatThrownBy(() -> new ApiError(400, null, null, null, null, List.of())).hasMessage("message cannot be null");
        assertThatThrownBy(() -> new AccessToken(null, null)).hasMessage("value cannot be null");
        assertThatThrownBy(() -> new AccessToken(" ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessToken.of("t", 1, null)).hasMessage("clock cannot be null");
        assertThatThrownBy(() -> new io.latchkey.sdk.LatchkeyApiException(null)).hasMessage("error cannot be null");
        assertThatThrownBy(() -> new io.latchkey.sdk.InvalidTokenException(null, "m")).hasMessage("reason cannot be null");
        assertThatThrownBy(() -> new io.latchkey.sdk.Claims(null)).hasMessage("values cannot be null");
        assertThatThrownBy(() -> JwtParts.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ApiError(0, null, null, null, "m", null).details()).isEmpty();
        assertThat(AuthPolicy.none().sendsCredentials()).isFalse();
        AuthPolicy.none().check(AuthMode.NONE);
    }
}
