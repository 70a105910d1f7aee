package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatchkeyClientTest {

    @Test
    void buildWhenNoBaseUrlThenSaysWhatToSet() {
        assertThatThrownBy(() -> LatchkeyClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("baseUrl cannot be null");
    }

    @Test
    void buildWhenPlainHttpToRemoteHostThenRefusedUnlessAllowed() {
        assertThatThrownBy(() -> LatchkeyClient.builder().baseUrl("http://latchkey.example.com").build())
                .isInstanceOf(IllegalStateException.class).hasMessage(LatchkeyClient.Builder.PLAIN_HTTP_REFUSED);
        assertThat(LatchkeyClient.builder().baseUrl("http://latchkey.example.com").allowPlainHttp().build().baseUrl())
                .hasToString("http://latchkey.example.com");
        assertThat(LatchkeyClient.builder().baseUrl("https://latchkey.example.com/").build().baseUrl())
                .hasToString("https://latchkey.example.com");
        assertThat(LatchkeyClient.builder().baseUrl("http://localhost:8400").build().baseUrl()).hasToString("http://localhost:8400");
        assertThat(LatchkeyClient.builder().baseUrl("http://[::1]:8400").build().baseUrl()).hasToString("http://[::1]:8400");
    }

    @Test
    void buildWhenBaseUrlNotHttpOrCarriesQueryThenRejected() {
        assertThatThrownBy(() -> LatchkeyClient.builder().baseUrl("ftp://x").build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LatchkeyClient.builder().baseUrl("https://x/?a=b").build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LatchkeyClient.builder().baseUrl("https://user:pw@x").build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LatchkeyClient.builder().baseUrl("not a url")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderWhenNullsThenNamesTheArgument() {
        LatchkeyClient.Builder b = LatchkeyClient.builder();
        assertThatThrownBy(() -> b.baseUrl((String) null)).hasMessage("baseUrl cannot be null");
        assertThatThrownBy(() -> b.credentials(null)).hasMessage("credentials cannot be null");
        assertThatThrownBy(() -> b.timeout(null)).hasMessage("timeout cannot be null");
        assertThatThrownBy(() -> b.transport(null)).hasMessage("transport cannot be null");
        assertThatThrownBy(() -> b.clock(null)).hasMessage("clock cannot be null");
        assertThatThrownBy(() -> b.retryPolicy(null)).hasMessage("retryPolicy cannot be null");
        assertThatThrownBy(() -> b.header(null, "v")).hasMessage("name cannot be null");
        assertThatThrownBy(() -> b.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerWhenReservedThenRejectedWithHint() {
        assertThatThrownBy(() -> LatchkeyClient.builder().header("Authorization", "Bearer x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials(...)");
        assertThatThrownBy(() -> LatchkeyClient.builder().header("host", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withCredentialsWhenCalledThenSameServerNewMode() {
        LatchkeyClient anonymous = LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400").build();
        LatchkeyClient admin = anonymous.withCredentials(Credentials.staticToken(TestTokens.ofUse("identity")));
        assertThat(anonymous.authMode()).isEqualTo(AuthMode.NONE);
        assertThat(admin.authMode()).isEqualTo(AuthMode.IDENTITY);
        assertThat(admin.baseUrl()).isEqualTo(anonymous.baseUrl());
    }

    @Test
    void usersGetWhenIdHasSlashesThenEncodedAsOneSegment() {
        FakeTransport t = new FakeTransport();
        LatchkeyClient c = LatchkeyClient.builder().baseUrl("http://127.0.0.1:1").transport(t)
                .credentials(Credentials.staticToken(TestTokens.ofUse("user"))).build();
        assertThatThrownBy(() -> c.users().get("a/../b")).isInstanceOf(NotFoundException.class);
        assertThat(t.last().uri().getRawPath()).isEqualTo("/iam/v1/users/a%2F..%2Fb");
        assertThatThrownBy(() -> c.users().get(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
