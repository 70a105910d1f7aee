package io.latchkey.sdk;

import java.time.Instant;
import java.util.Map;

/**
 * One audit event: who did what to what, when, from where, and how it ended. Events form a hash chain
 * ({@link #hash()}); {@code AuditApi.verify()} checks it.
 *
 * @param seq      position in the chain (1 is the first event of the instance)
 * @param outcome  {@code success}, {@code failure} or {@code denied}
 * @param details  safe-to-show extra facts (never secrets)
 * @since 0.1
 */
public record AuditEvent(long seq, String id, Instant occurredAt, String orgId, String projectId, String actorType,
                         String actorId, String action, String targetType, String targetId, String outcome,
                         String reason, String sourceIp, String requestId, Map<String, String> details, String hash) {
}
