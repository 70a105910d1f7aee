package io.latchkey.sdk;

import java.time.Instant;

/**
 * Which audit events to list. Start with {@link #all()} and narrow it; every member is optional.
 *
 * @param projectId only events of this project
 * @param actorId   only events by this principal
 * @param action    only this action; a trailing {@code *} matches a prefix ({@code auth.*})
 * @param outcome   {@code success}, {@code failure} or {@code denied}
 * @param from      events at or after this instant
 * @param to        events before this instant
 * @param pageSize  events per request (1 to 500; the server's default when 0)
 * @since 0.1
 */
public record AuditFilter(String projectId, String actorId, String action, String outcome, Instant from, Instant to,
                          int pageSize) {

    public AuditFilter {
        if (pageSize < 0 || pageSize > 500) {
            throw new IllegalArgumentException("pageSize must be between 1 and 500 (0 for the server's default)");
        }
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, 0);
    }

    public AuditFilter withProjectId(String v) {
        return new AuditFilter(v, actorId, action, outcome, from, to, pageSize);
    }

    public AuditFilter withActorId(String v) {
        return new AuditFilter(projectId, v, action, outcome, from, to, pageSize);
    }

    public AuditFilter withAction(String v) {
        return new AuditFilter(projectId, actorId, v, outcome, from, to, pageSize);
    }

    public AuditFilter withOutcome(String v) {
        return new AuditFilter(projectId, actorId, action, v, from, to, pageSize);
    }

    public AuditFilter withFrom(Instant v) {
        return new AuditFilter(projectId, actorId, action, outcome, v, to, pageSize);
    }

    public AuditFilter withTo(Instant v) {
        return new AuditFilter(projectId, actorId, action, outcome, from, v, pageSize);
    }

    public AuditFilter withPageSize(int v) {
        return new AuditFilter(projectId, actorId, action, outcome, from, to, v);
    }
}
