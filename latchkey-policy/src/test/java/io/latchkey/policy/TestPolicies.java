package io.latchkey.policy;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.PolicyCondition;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fixture builders: each test starts from a statement, document or request that matches everything it does
 * not care about and changes only the field it is about.
 */
final class TestPolicies {
    static final String PROJECT = "P0123456789abcdefghijklmnopq";
    static final String PRINCIPAL = "ari:iam::" + PROJECT + ":token/tok-1";
    static final String RESOURCE = "ari:iam::" + PROJECT + ":token/abc";
    static final String ACTION = "iam:CreateToken";
    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private TestPolicies() {
    }

    /** An Allow of everything; narrow it with the builder. */
    static StatementBuilder allow() {
        return new StatementBuilder(Effect.ALLOW);
    }

    /** A Deny of everything; narrow it with the builder. */
    static StatementBuilder deny() {
        return new StatementBuilder(Effect.DENY);
    }

    static PolicyDocument document(String id, StatementBuilder... statements) {
        return documentBuilder(id).statements(statements).build();
    }

    static DocumentBuilder documentBuilder(String id) {
        return new DocumentBuilder(id);
    }

    /** The request PRINCIPAL / ACTION / RESOURCE from 10.0.0.1 at NOW. */
    static RequestBuilder request() {
        return new RequestBuilder();
    }

    static final class StatementBuilder {
        private String sid;
        private Effect effect;
        private List<String> principals = List.of("*");
        private List<String> actions = List.of("*");
        private List<String> resources = List.of("*");
        private final List<PolicyCondition> conditions = new ArrayList<>();

        private StatementBuilder(Effect effect) {
            this.effect = effect;
        }

        StatementBuilder sid(String value) {
            this.sid = value;
            return this;
        }

        StatementBuilder effect(Effect value) {
            this.effect = value;
            return this;
        }

        StatementBuilder principal(String... values) {
            this.principals = Arrays.asList(values);
            return this;
        }

        StatementBuilder action(String... values) {
            this.actions = Arrays.asList(values);
            return this;
        }

        StatementBuilder resource(String... values) {
            this.resources = Arrays.asList(values);
            return this;
        }

        StatementBuilder condition(String operator, String key, String... values) {
            this.conditions.add(new PolicyCondition(operator, key, Arrays.asList(values)));
            return this;
        }

        PolicyStatement build() {
            return new PolicyStatement(sid, effect, principals, actions, resources, conditions);
        }
    }

    static final class DocumentBuilder {
        private final String id;
        private String version = PolicyValidator.VERSION;
        private final List<PolicyStatement> statements = new ArrayList<>();

        private DocumentBuilder(String id) {
            this.id = id;
        }

        DocumentBuilder version(String value) {
            this.version = value;
            return this;
        }

        DocumentBuilder statements(StatementBuilder... values) {
            for (StatementBuilder s : values) {
                statements.add(s.build());
            }
            return this;
        }

        DocumentBuilder statement(PolicyStatement value) {
            statements.add(value);
            return this;
        }

        PolicyDocument build() {
            return new PolicyDocument(id, version, null, null, statements);
        }
    }

    static final class RequestBuilder {
        private String principal = PRINCIPAL;
        private String action = ACTION;
        private String resource = RESOURCE;
        private String sourceIp = "10.0.0.1";
        private Instant time = NOW;

        RequestBuilder principal(String value) {
            this.principal = value;
            return this;
        }

        RequestBuilder action(String value) {
            this.action = value;
            return this;
        }

        RequestBuilder resource(String value) {
            this.resource = value;
            return this;
        }

        RequestBuilder sourceIp(String value) {
            this.sourceIp = value;
            return this;
        }

        RequestBuilder time(Instant value) {
            this.time = value;
            return this;
        }

        AuthzRequest build() {
            return new AuthzRequest(principal, action, resource, sourceIp, time);
        }
    }
}
