package io.latchkey.core.audit;

import java.time.Instant;

/**
 * Filters for listing audit events, newest first. Null fields do not filter. {@code beforeSeq} is the
 * pagination cursor: only events with a smaller sequence number are returned.
 *
 * @since 0.1
 */
public record AuditQuery(String orgId, String projectId, String actorId, String action, AuditOutcome outcome,
                         Instant from, Instant to, Long beforeSeq, int limit) {
}
