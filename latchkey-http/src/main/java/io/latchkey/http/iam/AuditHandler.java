package io.latchkey.http.iam;

import io.javalin.http.Context;
import io.latchkey.core.audit.AuditEvent;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditPage;
import io.latchkey.core.audit.AuditQuery;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.audit.AuditVerification;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.Cursors;
import io.latchkey.http.common.Requests;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The audit log (native extension): {@code GET /iam/v1/audit} lists events of the caller's organization,
 * newest first, filtered by {@code projectId}, {@code actorId}, {@code action} (a trailing {@code *} is a
 * prefix match), {@code outcome}, {@code from}, {@code to}; paginated by {@code limit} and
 * {@code exclusiveStartKey}. {@code GET /iam/v1/audit/verify} recomputes the hash chain.
 *
 * @since 0.1
 */
public final class AuditHandler {
    private final HttpServices services;
    private final Auth auth;

    /** One event as the API shows it. */
    public record AuditEventDto(long seq, String id, String occurredAt, String orgId, String projectId, String actorType,
                                String actorId, String action, String targetType, String targetId, String outcome,
                                String reason, String sourceIp, String requestId, Map<String, String> details,
                                String hash) {
        static AuditEventDto of(AuditEvent e) {
            AuditRecord r = e.record();
            return new AuditEventDto(e.seq(), e.id(), r.occurredAt().toString(), r.orgId(), r.projectId(), r.actorType(),
                    r.actorId(), r.action(), r.targetType(), r.targetId(), r.outcome().wire(), r.reason(), r.sourceIp(),
                    r.requestId(), r.details(), e.hash());
        }
    }

    /** A page of events. */
    public record AuditList(List<AuditEventDto> events, String lastEvaluatedKey) {
    }

    /** The chain check result. */
    public record VerifyResponse(boolean valid, long eventsChecked, Long firstBrokenSeq, String problem) {
    }

    public AuditHandler(HttpServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void list(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.ORG_MEMBER);
        Integer limit = Requests.intQuery(ctx, "limit", 1, 500);
        String cursor = Cursors.decode(ctx.queryParam("exclusiveStartKey"), "exclusiveStartKey");
        Long before;
        try {
            before = cursor == null ? null : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw LatchkeyException.invalidField("exclusiveStartKey", "exclusiveStartKey is not a cursor this server issued");
        }
        AuditOutcome outcome = null;
        String o = ctx.queryParam("outcome");
        if (o != null) {
            try {
                outcome = AuditOutcome.fromWire(o);
            } catch (IllegalArgumentException e) {
                throw LatchkeyException.invalidField("outcome", "outcome must be success, failure or denied");
            }
        }
        AuditQuery q = new AuditQuery(null, ctx.queryParam("projectId"), ctx.queryParam("actorId"), ctx.queryParam("action"),
                outcome, instant(ctx, "from"), instant(ctx, "to"), before, limit == null ? 0 : limit);
        AuditPage page = services.audit().list(actor, q);
        ctx.json(new AuditList(page.events().stream().map(AuditEventDto::of).toList(),
                page.nextBeforeSeq() == null ? null : Cursors.encode(page.nextBeforeSeq().toString())));
    }

    public void verify(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.ORG_MEMBER);
        AuditVerification v = services.audit().verify(actor);
        ctx.json(new VerifyResponse(v.valid(), v.eventsChecked(), v.firstBrokenSeq(), v.problem()));
    }

    private static Instant instant(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw LatchkeyException.invalidField(name, name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
