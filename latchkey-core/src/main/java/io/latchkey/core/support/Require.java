package io.latchkey.core.support;

/** Argument guards with the message form used across the code base: "x cannot be null". */
public final class Require {
    private Require() {
    }

    public static <T> T nonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " cannot be null");
        }
        return value;
    }

    public static String nonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " cannot be empty");
        }
        return value;
    }
}
