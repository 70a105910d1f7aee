package io.latchkey.sdk.internal;

import io.latchkey.sdk.AuditEvent;
import io.latchkey.sdk.AuthzDecision;
import io.latchkey.sdk.Principal;
import io.latchkey.sdk.Project;
import io.latchkey.sdk.SigningKey;
import io.latchkey.sdk.Token;
import io.latchkey.sdk.TokenProject;
import io.latchkey.sdk.User;

import java.util.List;

/**
 * The list envelopes of the native API, as they arrive; resources unwrap them.
 *
 * @since 0.1
 */
public final class WireLists {
    private WireLists() {
    }

    /** {@code GET /iam/v1/users}. */
    public record Users(List<User> users, String lastEvaluatedKey) {
    }

    /** {@code GET /iam/v1/audit}. */
    public record AuditEvents(List<AuditEvent> events, String lastEvaluatedKey) {
    }

    /** {@code GET /iam/v1/admin/keys} and the rotate answer. */
    public record Keys(List<SigningKey> keys) {
    }

    /** {@code GET /iam/v1/projects}. */
    public record Projects(List<Project> projects, String lastEvaluatedKey) {
    }

    /** {@code GET /iam/v1/projects/principals}. */
    public record Principals(List<Principal> records, String lastEvaluatedKey) {
    }

    /** {@code GET /iam/v1/tokens}. */
    public record Tokens(List<Token> tokens, String lastEvaluatedKey) {
    }

    /** {@code GET /iam/v1/tokens/{id}/projects}. */
    public record TokenProjects(List<TokenProject> projects, String lastEvaluatedKey) {
    }

    /** {@code POST /iam/v1/authz/check-batch}. */
    public record Decisions(List<AuthzDecision> results) {
    }
}
