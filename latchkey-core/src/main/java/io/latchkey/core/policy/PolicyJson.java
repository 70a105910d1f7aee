package io.latchkey.core.policy;

import io.latchkey.core.support.JsonText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores policy documents as JSON text in the IAM dialect's wire form ({@code version}, {@code statement}
 * with {@code effect}, {@code principal}, {@code action}, {@code resource} and an optional IAM-style
 * {@code condition} block), so stored strings are exactly what clients wrote.
 *
 * @since 0.1
 */
public final class PolicyJson {
    private PolicyJson() {
    }

    public static String write(PolicyDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("version", d.version());
        if (d.name() != null) {
            m.put("name", d.name());
        }
        if (d.description() != null) {
            m.put("description", d.description());
        }
        List<Object> statements = new ArrayList<>();
        for (PolicyStatement s : d.statements()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            if (s.sid() != null) {
                sm.put("sid", s.sid());
            }
            sm.put("effect", s.effect().wire());
            sm.put("principal", s.principals());
            sm.put("action", s.actions());
            sm.put("resource", s.resources());
            if (!s.conditions().isEmpty()) {
                sm.put("condition", conditions(s.conditions()));
            }
            statements.add(sm);
        }
        m.put("statement", statements);
        return JsonText.write(m);
    }

    /** The IAM-style condition block: {@code {operator: {key: [values]}}}. */
    public static Map<String, Map<String, List<String>>> conditions(List<PolicyCondition> conditions) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (PolicyCondition c : conditions) {
            out.computeIfAbsent(c.operator(), k -> new LinkedHashMap<>()).put(c.key(), c.values());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static PolicyDocument read(String json) {
        Map<String, Object> m = (Map<String, Object>) JsonText.parse(json);
        List<PolicyStatement> statements = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("statement", List.of())) {
            Map<String, Object> s = (Map<String, Object>) o;
            List<PolicyCondition> conds = new ArrayList<>();
            Object c = s.get("condition");
            if (c instanceof Map<?, ?> cm) {
                for (Map.Entry<?, ?> op : cm.entrySet()) {
                    for (Map.Entry<?, ?> kv : ((Map<?, ?>) op.getValue()).entrySet()) {
                        conds.add(new PolicyCondition(op.getKey().toString(), kv.getKey().toString(), strings(kv.getValue())));
                    }
                }
            }
            statements.add(new PolicyStatement((String) s.get("sid"), Effect.fromWire((String) s.get("effect"), "effect"),
                    strings(s.get("principal")), strings(s.get("action")), strings(s.get("resource")), conds));
        }
        return new PolicyDocument((String) m.get("id"), (String) m.get("version"), (String) m.get("name"),
                (String) m.get("description"), statements);
    }

    /** A list of strings; a single string counts as a one-element list (IAM documents allow both). */
    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object v : l) {
                if (v != null) {
                    out.add(String.valueOf(v));
                }
            }
        } else if (o instanceof String s) {
            out.add(s);
        }
        return out;
    }
}
