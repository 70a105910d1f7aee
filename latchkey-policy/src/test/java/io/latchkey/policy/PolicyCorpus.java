package io.latchkey.policy;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.EvaluationError;
import io.latchkey.core.policy.PolicyCondition;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;
import io.latchkey.core.policy.StatementRef;
import io.latchkey.core.support.JsonText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the shared corpus in {@code src/test/resources/corpus/*.json} (STYLE.md section 6): each file holds
 * policies in the IAM dialect's wire shape and cases, each a request with the expected outcome, deciding
 * statement and errors. Kept independent of the engine so that other runners (the CLI) can read the same files.
 *
 * <p>File shape: {@code {"description", "policies": [{"id", "version", "statement": [{"sid"?, "effect",
 * "principal", "action", "resource", "condition"?: {"<operator>": {"<key>": value-or-values}}}]}],
 * "validates"?: true, "cases": [{"name", "request": {"principal", "action", "resource", "sourceIp"?, "time"?},
 * "outcome": "ALLOW|EXPLICIT_DENY|NO_MATCH", "deciding": "policyId[index]" or null, "errors"?: ["Kind
 * policyId[index] detail..."]}]}}. {@code validates} (default true) says whether every policy passes validation; false means at least
 * one does not (the file then checks how the engine treats documents that skipped validation).
 */
final class PolicyCorpus {

    record Case(String file, String name, List<PolicyDocument> policies, boolean validates, AuthzRequest request,
                DecisionOutcome outcome, String deciding, List<String> errors) {
        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    private PolicyCorpus() {
    }

    static Stream<Case> cases() {
        URL root = PolicyCorpus.class.getResource("/corpus");
        if (root == null) {
            throw new IllegalStateException("corpus folder missing from the test class path");
        }
        try (Stream<Path> files = Files.list(Paths.get(root.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .flatMap(PolicyCorpus::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "policyId[index]", or null. */
    static String describe(StatementRef ref) {
        return ref == null ? null : ref.policyId() + "[" + ref.index() + "]";
    }

    /** "Kind policyId[index] detail...", matching the corpus's "errors" entries. */
    static String describe(EvaluationError error) {
        String where = describe(error.statement());
        if (error instanceof EvaluationError.MissingContext e) {
            return "MissingContext " + where + " " + e.key();
        }
        if (error instanceof EvaluationError.UnsupportedCondition e) {
            return "UnsupportedCondition " + where + " " + e.operator() + " " + e.key();
        }
        EvaluationError.MalformedConditionValue e = (EvaluationError.MalformedConditionValue) error;
        return "MalformedConditionValue " + where + " " + e.operator() + " " + e.value();
    }

    static List<String> describe(Decision decision) {
        return decision.errors().stream().map(PolicyCorpus::describe).toList();
    }

    @SuppressWarnings("unchecked")
    private static Stream<Case> read(Path file) {
        Map<String, Object> root;
        try {
            root = (Map<String, Object>) JsonText.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFileName().toString();
        List<PolicyDocument> policies = list(root, "policies").stream().map(p -> policy((Map<String, Object>) p)).toList();
        boolean validates = !Boolean.FALSE.equals(root.get("validates"));
        return list(root, "cases").stream().map(c -> testCase(name, policies, validates, (Map<String, Object>) c));
    }

    @SuppressWarnings("unchecked")
    private static Case testCase(String file, List<PolicyDocument> policies, boolean validates, Map<String, Object> c) {
        Map<String, Object> r = (Map<String, Object>) c.get("request");
        Object time = r.get("time");
        AuthzRequest request = new AuthzRequest((String) r.get("principal"), (String) r.get("action"),
                (String) r.get("resource"), (String) r.get("sourceIp"), time == null ? null : Instant.parse((String) time));
        List<String> errors = c.containsKey("errors") ? strings(c.get("errors")) : List.of();
        return new Case(file, (String) c.get("name"), policies, validates, request,
                DecisionOutcome.valueOf((String) c.get("outcome")), (String) c.get("deciding"), errors);
    }

    @SuppressWarnings("unchecked")
    private static PolicyDocument policy(Map<String, Object> p) {
        List<PolicyStatement> statements = new ArrayList<>();
        for (Object s : list(p, "statement")) {
            statements.add(statement((Map<String, Object>) s));
        }
        return new PolicyDocument((String) p.get("id"), (String) p.get("version"), null, null, statements);
    }

    @SuppressWarnings("unchecked")
    private static PolicyStatement statement(Map<String, Object> s) {
        String effect = (String) s.get("effect");
        List<PolicyCondition> conditions = new ArrayList<>();
        Map<String, Object> condition = (Map<String, Object>) s.getOrDefault("condition", Map.of());
        condition.forEach((operator, keys) -> ((Map<String, Object>) keys).forEach(
                (key, values) -> conditions.add(new PolicyCondition(operator, key, strings(values)))));
        return new PolicyStatement((String) s.get("sid"), effect == null ? null : Effect.fromWire(effect, "effect"),
                strings(s.get("principal")), strings(s.get("action")), strings(s.get("resource")), conditions);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    /** A JSON string or array of strings, as the IAM dialect allows for condition values. */
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        return ((List<?>) value).stream().map(String.class::cast).toList();
    }
}
