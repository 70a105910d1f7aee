package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.latchkey.sdk.internal.PolicyConditionsDeserializer;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One statement of a {@link Policy}, in the IAM dialect's wire form ({@code PolicyStatementDto}):
 * {@code effect}, {@code principal}, {@code action}, {@code resource} and Latchkey's optional {@code sid}
 * and IAM-style {@code condition} block {@code {operator: {key: [values]}}}.
 *
 * <p>Principals are ARIs ({@code ari:iam::<projectId>:token/<tokenId>}, see
 * {@link PrincipalType#ari(String, String)}); actions ({@code service:Verb}) and resources
 * ({@code ari:<service>::<projectId>:<type>/<path>}) allow {@code *} and {@code ?} wildcards. Condition
 * values may be written as a single string or a list; they are always read into a list.
 *
 * @param sid        an optional statement id, shown as the deciding statement of a decision
 * @param effect     Allow or Deny
 * @param principals who the statement is about
 * @param actions    what they may (or may not) do
 * @param resources  on what
 * @param conditions conditions that must all hold ({@code IpAddress}, {@code DateLessThan}, ...), or null
 * @since 0.1
 */
@JsonPropertyOrder({"sid", "effect", "principal", "action", "resource", "condition"})
public record PolicyStatement(String sid, PolicyEffect effect,
                              @JsonProperty("principal") List<String> principals,
                              @JsonProperty("action") List<String> actions,
                              @JsonProperty("resource") List<String> resources,
                              @JsonProperty("condition") @JsonDeserialize(using = PolicyConditionsDeserializer.class)
                              Map<String, Map<String, List<String>>> conditions) {

    public PolicyStatement {
        if (effect == null) {
            throw new IllegalArgumentException("effect cannot be null: Allow or Deny");
        }
        principals = strings(principals, "principal");
        actions = strings(actions, "action");
        resources = strings(resources, "resource");
        conditions = conditions == null || conditions.isEmpty() ? null : copy(conditions);
    }

    /** An Allow statement without conditions. */
    public static PolicyStatement allow(List<String> principals, List<String> actions, List<String> resources) {
        return new PolicyStatement(null, PolicyEffect.ALLOW, principals, actions, resources, null);
    }

    /** A Deny statement without conditions. */
    public static PolicyStatement deny(List<String> principals, List<String> actions, List<String> resources) {
        return new PolicyStatement(null, PolicyEffect.DENY, principals, actions, resources, null);
    }

    public PolicyStatement withSid(String value) {
        return new PolicyStatement(value, effect, principals, actions, resources, conditions);
    }

    /** This statement with one more condition, e.g. {@code withCondition("IpAddress", "lk:SourceIp", "10.0.0.0/8")}. */
    public PolicyStatement withCondition(String operator, String key, String... values) {
        Objects.requireNonNull(operator, "operator cannot be null");
        Objects.requireNonNull(key, "key cannot be null");
        Map<String, Map<String, List<String>>> c = new LinkedHashMap<>(conditions == null ? Map.of() : conditions);
        Map<String, List<String>> keys = new LinkedHashMap<>(c.getOrDefault(operator, Map.of()));
        keys.put(key, List.of(values));
        c.put(operator, keys);
        return new PolicyStatement(sid, effect, principals, actions, resources, c);
    }

    private static List<String> strings(List<String> values, String field) {
        if (values == null) {
            throw new IllegalArgumentException(field + " cannot be null: a list of strings");
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(field + " cannot contain null");
        }
        return List.copyOf(values);
    }

    private static Map<String, Map<String, List<String>>> copy(Map<String, Map<String, List<String>>> in) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        in.forEach((op, keys) -> {
            if (op == null || keys == null) {
                throw new IllegalArgumentException("condition operators map keys to values");
            }
            Map<String, List<String>> k = new LinkedHashMap<>();
            keys.forEach((key, values) -> k.put(key, strings(values, "condition." + op + "." + key)));
            out.put(op, Collections.unmodifiableMap(k));
        });
        return Collections.unmodifiableMap(out);
    }

    /** Shorthand for lists in statements: {@code PolicyStatement.allow(of(ari), of("*"), of("*"))}. */
    public static List<String> of(String... values) {
        return Arrays.asList(values);
    }
}
