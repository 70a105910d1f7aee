package io.latchkey.core.audit;

import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Require;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened, before it is placed in the audit chain. Details must never contain secrets, tokens or key
 * material: they are stored in plaintext and shown to auditors.
 *
 * @param occurredAt truncated to milliseconds, the precision both storage backends keep, so that the
 *        hash computed at append time is the hash recomputed at verification time
 * @since 0.1
 */
public record AuditRecord(Instant occurredAt, String orgId, String projectId, String actorType, String actorId,
                          String action, String targetType, String targetId, AuditOutcome outcome, String reason,
                          String sourceIp, String requestId, Map<String, String> details) {

    public AuditRecord {
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonBlank(action, "action");
        Require.nonNull(outcome, "outcome");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        details = details == null ? Map.of() : Map.copyOf(new TreeMap<>(details));
    }

    public static Builder builder(String action, AuditOutcome outcome) {
        return new Builder(action, outcome);
    }

    /** Fluent construction; every field but action and outcome is optional. */
    public static final class Builder {
        private final String action;
        private final AuditOutcome outcome;
        private Instant occurredAt;
        private String orgId;
        private String projectId;
        private String actorType;
        private String actorId;
        private String targetType;
        private String targetId;
        private String reason;
        private String sourceIp;
        private String requestId;
        private final Map<String, String> details = new TreeMap<>();

        private Builder(String action, AuditOutcome outcome) {
            this.action = action;
            this.outcome = outcome;
        }

        public Builder at(Instant t) {
            this.occurredAt = t;
            return this;
        }

        public Builder org(String id) {
            this.orgId = id;
            return this;
        }

        public Builder project(String id) {
            this.projectId = id;
            return this;
        }

        public Builder actor(String type, String id) {
            this.actorType = type;
            this.actorId = id;
            return this;
        }

        public Builder actor(Actor actor) {
            if (actor != null) {
                this.actorType = actor.type().wire();
                this.actorId = actor.id();
                if (orgId == null) {
                    this.orgId = actor.orgId();
                }
            }
            return this;
        }

        public Builder target(String type, String id) {
            this.targetType = type;
            this.targetId = id;
            return this;
        }

        public Builder reason(String r) {
            this.reason = r;
            return this;
        }

        public Builder meta(RequestMeta meta) {
            if (meta != null) {
                this.sourceIp = meta.sourceIp();
                this.requestId = meta.requestId();
            }
            return this;
        }

        public Builder detail(String key, String value) {
            if (value != null) {
                details.put(key, value);
            }
            return this;
        }

        public AuditRecord build(Instant now) {
            return new AuditRecord(occurredAt != null ? occurredAt : now, orgId, projectId, actorType, actorId, action,
                    targetType, targetId, outcome, reason, sourceIp, requestId, details);
        }
    }
}
