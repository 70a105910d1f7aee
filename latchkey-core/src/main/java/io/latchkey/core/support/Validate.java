package io.latchkey.core.support;

import io.latchkey.core.error.LatchkeyException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Input rules shared by use cases. Every failure names the field.
 *
 * @since 0.1
 */
public final class Validate {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    public static final int MIN_PASSWORD = 8;
    /** Upper bound so that a huge "password" cannot make Argon2id a denial-of-service vector. */
    public static final int MAX_PASSWORD = 1024;

    private Validate() {
    }

    public static String email(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
        String v = value.trim();
        if (v.length() > 320 || !EMAIL.matcher(v).matches()) {
            throw LatchkeyException.invalidField(field, field + " must be a valid email address");
        }
        return v;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static char[] password(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw LatchkeyException.missingField(field);
        }
        if (value.length() < MIN_PASSWORD || value.length() > MAX_PASSWORD) {
            throw LatchkeyException.invalidField(field,
                    field + " must be between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters");
        }
        return value.toCharArray();
    }

    /** A display name: 1 to {@code max} characters after trimming, no control characters. */
    public static String name(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
        // strip, not trim: trim also drops leading and trailing control characters, so "\u0000" became "" and
        // reached the aggregate's builder as a blank name (a 500 found by the bad-input fuzzer, issue 9).
        String v = value.strip();
        if (v.length() > max) {
            throw LatchkeyException.invalidField(field, field + " must be at most " + max + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw LatchkeyException.invalidField(field, field + " must not contain control characters");
            }
        }
        return v;
    }

    public static String optionalName(String value, String field, int max) {
        return value == null ? null : name(value, field, max);
    }

    public static String optionalText(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw LatchkeyException.invalidField(field, field + " must be at most " + max + " characters");
        }
        return value;
    }

    /** Lower-case slug from a free-form name: runs of other characters become one dash. */
    public static String slugify(String name, int max) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > max) {
            s = s.substring(0, max).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "org" : s;
    }

    public static boolean isSlug(String s) {
        return s != null && SLUG.matcher(s).matches();
    }
}
