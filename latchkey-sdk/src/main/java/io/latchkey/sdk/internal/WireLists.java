package io.latchkey.sdk.internal;

import io.latchkey.sdk.AuditEvent;
import io.latchkey.sdk.SigningKey;
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
}
