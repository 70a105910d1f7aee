package io.latchkey.core.support;

import io.latchkey.core.error.LatchkeyException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form JSON objects that callers attach to things (an access key's custom claims and custom attributes,
 * a tenant's custom attributes): checked for size and value types, then frozen into unmodifiable maps and
 * lists so that an aggregate holding one stays immutable. Values are what the HTTP layer's JSON reader produces: strings, booleans, nulls, integral
 * numbers that fit a {@code long}, doubles, lists and maps. Integral numbers become {@code Long}, so a value
 * reads back from storage equal to what was written.
 *
 * @since 0.1
 */
public final class JsonValues {
    /** Largest serialised size of one object. */
    public static final int MAX_JSON_LENGTH = 10_000;

    private JsonValues() {
    }

    /** A frozen copy of {@code value}, or null; names {@code field} when too large or holding another type. */
    public static Map<String, Object> freeze(Map<String, ?> value, String field) {
        if (value == null) {
            return null;
        }
        Map<String, Object> frozen = freezeMap(value, field);
        if (JsonText.write(frozen).length() > MAX_JSON_LENGTH) {
            throw LatchkeyException.invalidField(field, field + " must be at most " + MAX_JSON_LENGTH
                    + " characters of JSON");
        }
        return frozen;
    }

    private static Map<String, Object> freezeMap(Map<?, ?> map, String field) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            out.put(key, freezeValue(e.getValue(), field + "." + key));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object freezeValue(Object v, String field) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            return freezeMap(m, field);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(freezeValue(l.get(i), field + "[" + i + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        throw LatchkeyException.invalidField(field, field + " must be a JSON string, boolean, null, object, array or a "
                + "number within 64-bit range");
    }

    /** Canonical JSON text of a frozen object, or null. */
    public static String write(Map<String, Object> value) {
        return value == null ? null : JsonText.write(value);
    }

    /** Reads text written by {@link #write} back into a frozen object; null stays null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(String text) {
        if (text == null) {
            return null;
        }
        Object v = JsonText.parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalStateException("stored JSON is not an object");
        }
        return freezeMap((Map<String, Object>) v, "stored");
    }
}
