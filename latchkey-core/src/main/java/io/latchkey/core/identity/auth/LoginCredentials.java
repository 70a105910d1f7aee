package io.latchkey.core.identity.auth;

import io.latchkey.core.error.LatchkeyException;

import java.util.Map;

/**
 * The members of a login request body that are strings (every login body of the vendor's API is a flat
 * object of strings). Values may be credentials: never log them, never put them in errors.
 *
 * @since 0.1
 */
public record LoginCredentials(Map<String, String> fields) {
    /** Longest accepted value: bounds the work a request can cause (a JWT is well below this). */
    public static final int MAX_VALUE = 16_384;

    public LoginCredentials {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** A required member; {@code missing_field} or {@code invalid_field} naming it. */
    public String require(String name) {
        String v = fields.get(name);
        if (v == null || v.isBlank()) {
            throw LatchkeyException.missingField(name);
        }
        if (v.length() > MAX_VALUE) {
            throw LatchkeyException.invalidField(name, name + " is too long");
        }
        return v;
    }

    /** A member that may be absent (null). */
    public String optional(String name) {
        String v = fields.get(name);
        return v == null || v.length() > MAX_VALUE ? null : v;
    }

    @Override
    public String toString() {
        // INVARIANT: credentials never reach a log line through toString.
        return "LoginCredentials" + fields.keySet();
    }
}
