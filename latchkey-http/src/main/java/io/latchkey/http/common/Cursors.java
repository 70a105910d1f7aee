package io.latchkey.http.common;

import io.latchkey.core.error.LatchkeyException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque, URL-safe pagination cursors ({@code exclusiveStartKey} / {@code lastEvaluatedKey}): base64url of
 * a versioned position. Clients must treat them as opaque; a cursor that does not decode is a 400 naming
 * the parameter.
 *
 * @since 0.1
 */
public final class Cursors {
    private static final String PREFIX = "lk1:";

    private Cursors() {
    }

    public static String encode(String position) {
        if (position == null) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor from the named parameter; null stays null. */
    public static String decode(String cursor, String parameter) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith(PREFIX) || s.length() == PREFIX.length()) {
                throw new IllegalArgumentException();
            }
            return s.substring(PREFIX.length());
        } catch (IllegalArgumentException e) {
            throw LatchkeyException.invalidField(parameter, parameter + " is not a cursor this server issued");
        }
    }
}
