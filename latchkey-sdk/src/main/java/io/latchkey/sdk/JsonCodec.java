package io.latchkey.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.latchkey.sdk.internal.Json;

/**
 * Reads and writes the SDK's request and response records as JSON, exactly as the SDK sends and receives
 * them (null members omitted, instants as ISO-8601 strings, unknown members ignored on reading). Tools
 * built on the SDK (the {@code latchkey} command line's {@code --json} output and its config file) use it
 * so that their JSON matches the wire format.
 *
 * @since 0.1
 */
public final class JsonCodec {
    private JsonCodec() {
    }

    /** Compact JSON of a value. */
    public static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Indented JSON of a value, for people. */
    public static String writePretty(Object value) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads JSON text into a type.
     *
     * @throws IllegalArgumentException when the text is not JSON of that shape
     */
    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            throw new IllegalArgumentException("json cannot be null");
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
