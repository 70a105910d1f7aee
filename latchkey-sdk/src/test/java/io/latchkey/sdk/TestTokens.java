package io.latchkey.sdk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Unsigned-looking JWTs for tests where the client only reads claims (it never verifies its own tokens). */
final class TestTokens {
    private TestTokens() {
    }

    static String withClaims(Map<String, Object> claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"ES256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(JsonCodec.write(claims).getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(new byte[64]);
    }

    static String ofUse(String tokenUse) {
        return withClaims(Map.of("sub", "s-" + tokenUse, "token_use", tokenUse));
    }
}
