package io.latchkey.core.audit;

import java.time.Instant;

/**
 * Filters for listing audit events, newest first. Null fields do not filter. {@code beforeSeq} is the
 * pagination cursor: only events with a smaller sequence number are returned. With
 * {@code includeInstanceEvents}, events recorded without an organization (failed logins of unknown
 * accounts, for example) match the organization filter too.
 *
 * @since 0.1
 */
public record AuditQuery(String orgId, String projectId, String actorId, String action, AuditOutcome outcome,
                         Instant from, Instant to, Long beforeSeq, int limit, boolean includeInstanceEvents) {

    /** A query without instance-level events (those recorded with no organization). */
    public AuditQuery(String orgId, String projectId, String actorId, String action, AuditOutcome outcome,
                      Instant from, Instant to, Long beforeSeq, int limit) {
        this(orgId, projectId, actorId, action, outcome, from, to, beforeSeq, limit, false);
    }
}
