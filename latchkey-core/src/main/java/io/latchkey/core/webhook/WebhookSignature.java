package io.latchkey.core.webhook;

import io.latchkey.core.support.Require;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature header of webhook deliveries: {@code X-Latchkey-Signature: t=<unix seconds>,v1=<hex>} where
 * {@code hex = HMAC-SHA256(secret, "<t>." + body)}. Receivers recompute it over the raw body, compare in
 * constant time and reject timestamps too far from their clock (we suggest five minutes) to stop replays.
 *
 * <p>INVARIANT: the header format is a public contract (README "Webhooks"); never change it.
 *
 * @since 0.1
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Latchkey-Signature";

    private WebhookSignature() {
    }

    public static String header(byte[] secret, long timestampSeconds, String body) {
        return "t=" + timestampSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, timestampSeconds, body));
    }

    /** Checks a header against the body; false on any malformation. */
    public static boolean verify(byte[] secret, String header, String body) {
        Require.nonNull(secret, "secret");
        if (header == null || body == null) {
            return false;
        }
        String[] parts = header.split(",");
        if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("v1=")) {
            return false;
        }
        try {
            long t = Long.parseLong(parts[0].substring(2));
            byte[] given = HexFormat.of().parseHex(parts[1].substring(3));
            return MessageDigest.isEqual(mac(secret, t, body), given);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] mac(byte[] secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
