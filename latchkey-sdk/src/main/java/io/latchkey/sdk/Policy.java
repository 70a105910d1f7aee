package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.latchkey.sdk.internal.Json;

import java.util.List;

/**
 * A principal's policy in a project, in the IAM dialect's wire form ({@code PolicyDto},
 * specs/affinidi-iam.md section 4.2): a {@code version} and a list of {@link PolicyStatement statements}.
 * The server evaluates it with default deny, any matching Deny winning, and {@code *}/{@code ?} wildcards.
 *
 * <pre>{@code
 * Policy p = Policy.of(List.of(PolicyStatement.allow(
 *         List.of(PrincipalType.TOKEN.ari(projectId, tokenId)), List.of("secrets:Read"), List.of("*"))));
 * Policy q = Policy.parse(Files.readString(Path.of("policy.json")));
 * }</pre>
 *
 * @param version     the policy language version; {@link #VERSION} is what the vendor's tools write
 * @param statements  the statements (wire name {@code statement})
 * @param name        an optional name
 * @param description an optional description
 * @param principalId filled in by the server: whose policy it is
 * @param projectId   filled in by the server: in which project
 * @since 0.1
 */
@JsonPropertyOrder({"version", "name", "description", "principalId", "projectId", "statement"})
public record Policy(String version, @JsonProperty("statement") List<PolicyStatement> statements, String name,
                     String description, String principalId, String projectId) {
    /** The version the vendor's CLI writes, and the one {@link #of(List)} uses. */
    public static final String VERSION = "2022-12-15";

    public Policy {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version cannot be null or blank, e.g. " + VERSION);
        }
        if (statements == null) {
            throw new IllegalArgumentException("statement cannot be null: a list of statements (may be empty)");
        }
        statements = List.copyOf(statements);
    }

    /** A policy of version {@link #VERSION} with these statements. */
    public static Policy of(List<PolicyStatement> statements) {
        return new Policy(VERSION, statements, null, null, null, null);
    }

    /** The policy that denies everything by having no statement. */
    public static Policy empty() {
        return of(List.of());
    }

    /**
     * Allows every action on every resource of one project to one principal: what
     * {@code latchkey token create-token --with-permissions} sets. The resource pattern
     * {@code ari:*::<projectId>:*} covers the project's resources of every service and nothing outside it.
     */
    public static Policy fullAccess(String projectId, PrincipalType type, String principalId) {
        return of(List.of(PolicyStatement.allow(List.of(type.ari(projectId, principalId)), List.of("*"),
                List.of("ari:*::" + projectId + ":*"))));
    }

    /**
     * Reads a policy document from JSON, strictly: members the wire form does not have are an error (a
     * misspelt {@code Statement} must not silently become an empty policy).
     *
     * @throws IllegalArgumentException when the text is not a policy document, naming what is wrong
     */
    public static Policy parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("the policy document is empty");
        }
        try {
            rejectUnknownMembers(Json.mapper().readTree(json));
            Policy p = Json.mapper().readerFor(Policy.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(json);
            if (p == null) {
                throw new IllegalArgumentException("the policy document is null, expected an object");
            }
            return p;
        } catch (ValueInstantiationException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("not a valid policy: " + c.getMessage() + location(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid policy: " + e.getOriginalMessage() + location(e), e);
        }
    }

    private static final java.util.Set<String> POLICY_MEMBERS = java.util.Set.of("version", "statement", "name", "description",
            "principalId", "projectId");
    private static final java.util.Set<String> STATEMENT_MEMBERS = java.util.Set.of("sid", "effect", "principal", "action",
            "resource", "condition");

    /** Names a misspelt member before anything else complains about the member it was meant to be. */
    private static void rejectUnknownMembers(com.fasterxml.jackson.databind.JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a valid policy: expected a JSON object");
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!POLICY_MEMBERS.contains(f)) {
                throw new IllegalArgumentException("not a valid policy: unknown member \"" + f + "\"; expected " + POLICY_MEMBERS);
            }
        });
        com.fasterxml.jackson.databind.JsonNode statements = root.get("statement");
        if (statements != null && statements.isArray()) {
            for (int i = 0; i < statements.size(); i++) {
                com.fasterxml.jackson.databind.JsonNode st = statements.get(i);
                if (st.isObject()) {
                    int index = i;
                    st.fieldNames().forEachRemaining(f -> {
                        if (!STATEMENT_MEMBERS.contains(f)) {
                            throw new IllegalArgumentException("not a valid policy: unknown member \"" + f + "\" in statement["
                                    + index + "]; expected " + STATEMENT_MEMBERS);
                        }
                    });
                }
            }
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** The policy as JSON, in the wire form {@link #parse(String)} reads. */
    public String toJson() {
        return JsonCodec.writePretty(this);
    }
}
