package io.latchkey.core.secrets;

import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.Validate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Input rules of secrets: names, values, comments, tags, metadata. Every failure names the field and never
 * echoes the value.
 *
 * <ul>
 *   <li>Names: 1 to {@value #MAX_NAME} letters, digits, {@code _} and {@code -}. Dots are refused because
 *       references ({@code ${env.path.NAME}}) use them as separators.</li>
 *   <li>Values: leading and trailing whitespace is trimmed, except that a single trailing newline is kept
 *       (specs/infisical.md section 4); at most {@value #MAX_VALUE_BYTES} bytes of UTF-8 after trimming.</li>
 *   <li>Comments: at most {@value #MAX_COMMENT} characters, stored as given.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class SecretValues {
    public static final int MAX_NAME = 256;
    /** 64 KiB: larger payloads belong in a file store, not a secret. */
    public static final int MAX_VALUE_BYTES = 65_536;
    public static final int MAX_COMMENT = 10_000;
    public static final int MAX_TAGS = 50;
    public static final int MAX_METADATA = 50;
    public static final int MAX_METADATA_TEXT = 1_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_NAME + "}");

    private SecretValues() {
    }

    public static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
        String v = value.trim();
        if (!NAME.matcher(v).matches()) {
            throw LatchkeyException.invalidField(field,
                    field + " must be 1 to " + MAX_NAME + " letters, digits, underscores and dashes");
        }
        return v;
    }

    /** Trims the value as specified and checks its size. */
    public static String value(String value, String field) {
        if (value == null) {
            throw LatchkeyException.missingField(field);
        }
        boolean newline = value.endsWith("\n");
        String v = value.strip();
        if (newline) {
            v = v + "\n";
        }
        if (v.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw LatchkeyException.invalidField(field, field + " must be at most " + MAX_VALUE_BYTES + " bytes");
        }
        return v;
    }

    public static String comment(String value, String field) {
        return value == null ? "" : Validate.optionalText(value, field, MAX_COMMENT);
    }

    /** Tag slugs, de-duplicated in order. */
    public static List<String> tags(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_TAGS) {
            throw LatchkeyException.invalidField(field, field + " must have at most " + MAX_TAGS + " entries");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(Validate.name(values.get(i), field + "[" + i + "]", 64));
        }
        return List.copyOf(out);
    }

    public static List<SecretMetadata> metadata(List<SecretMetadata> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_METADATA) {
            throw LatchkeyException.invalidField(field, field + " must have at most " + MAX_METADATA + " entries");
        }
        List<SecretMetadata> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            SecretMetadata m = values.get(i);
            if (m == null) {
                throw LatchkeyException.invalidField(field + "[" + i + "]", field + "[" + i + "] must be an object");
            }
            String key = Validate.name(m.key(), field + "[" + i + "].key", 256);
            String val = m.value() == null ? "" : Validate.optionalText(m.value(), field + "[" + i + "].value", MAX_METADATA_TEXT);
            out.add(new SecretMetadata(key, val));
        }
        return List.copyOf(out);
    }
}
