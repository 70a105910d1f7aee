package io.latchkey.sdk.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a policy statement's {@code condition} block, {@code {operator: {key: values}}}, where each value
 * may be a single string or a list of strings, as users of the IAM dialect write them
 * ({@code "DateLessThan": {"lk:CurrentTime": "2027-01-01T00:00:00Z"}}). Anything else is an error that
 * names the member.
 *
 * @since 0.1
 */
public final class PolicyConditionsDeserializer extends JsonDeserializer<Map<String, Map<String, List<String>>>> {

    @Override
    public Map<String, Map<String, List<String>>> deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        JsonNode node = ctx.readTree(p);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            return fail(ctx, "condition must be an object of operators");
        }
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (!op.getValue().isObject()) {
                return fail(ctx, "condition." + op.getKey() + " must be an object of condition keys");
            }
            Map<String, List<String>> keys = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> ks = op.getValue().fields(); ks.hasNext(); ) {
                Map.Entry<String, JsonNode> k = ks.next();
                keys.put(k.getKey(), values(k.getValue(), "condition." + op.getKey() + "." + k.getKey(), ctx));
            }
            out.put(op.getKey(), keys);
        }
        return out;
    }

    private static List<String> values(JsonNode v, String field, DeserializationContext ctx) throws IOException {
        if (v.isTextual()) {
            return List.of(v.textValue());
        }
        if (v.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    return fail(ctx, field + " must hold strings only");
                }
                out.add(e.textValue());
            }
            return out;
        }
        return fail(ctx, field + " must be a string or a list of strings");
    }

    private static <T> T fail(DeserializationContext ctx, String message) throws IOException {
        throw com.fasterxml.jackson.databind.JsonMappingException.from(ctx, message);
    }
}
