package io.latchkey.sdk.internal;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;

/**
 * The three parts of a compact JWS, with header and payload decoded as JSON. Decoding verifies nothing:
 * callers either verify the signature next ({@code TokenVerifier}) or only read claims of a token they
 * obtained themselves from the server (expiry for renewal, the kind for auth-mode checks, display).
 *
 * @since 0.1
 */
public record JwtParts(String signingInput, Map<String, Object> header, Map<String, Object> payload, byte[] signature) {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** Splits and decodes; throws IllegalArgumentException (with a message that never echoes the token). */
    public static JwtParts parse(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token cannot be null or blank");
        }
        String[] p = token.trim().split("\\.", -1);
        if (p.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: expected 3 dot-separated parts, found " + p.length);
        }
        Map<String, Object> header = decodeJson(p[0], "header");
        Map<String, Object> payload = decodeJson(p[1], "payload");
        byte[] signature = decode(p[2], "signature");
        return new JwtParts(p[0] + "." + p[1], header, payload, signature);
    }

    private static Map<String, Object> decodeJson(String part, String what) {
        try {
            Map<String, Object> m = Json.mapper().readValue(decode(part, what), MAP);
            if (m == null) {
                throw new IllegalArgumentException("the JWT " + what + " is not a JSON object");
            }
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new IllegalArgumentException("the JWT " + what + " is not a JSON object", e);
        }
    }

    private static byte[] decode(String part, String what) {
        try {
            return Base64.getUrlDecoder().decode(part.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the JWT " + what + " is not base64url", e);
        }
    }

    /** A string header parameter, or null. */
    public String headerString(String name) {
        Object v = header.get(name);
        return v instanceof String s ? s : null;
    }
}
