package io.latchkey.core.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates credential values: 256 random bits, base64url without padding, behind a short readable prefix
 * that tells a leaked value's kind at a glance (and lets secret scanners find it). The alphabet never
 * contains {@code :}, which the access-key dialect uses as a separator in its Authorization header.
 *
 * @since 0.1
 */
public final class SecureTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureTokens() {
    }

    public static String generate(String prefix) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
