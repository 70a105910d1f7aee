package io.latchkey.core.audit;

import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgAccess;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;

/**
 * Reading the audit log: organization administrators list their organization's events (optionally one
 * project's); the instance administrator verifies the chain.
 *
 * @since 0.1
 */
public final class AuditService {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private final AuditRepository repository;
    private final AuditLog log;
    private final OrgAccess orgAccess;

    public AuditService(AuditRepository repository, AuditLog log, OrgAccess orgAccess) {
        this.repository = Require.nonNull(repository, "repository");
        this.log = Require.nonNull(log, "log");
        this.orgAccess = Require.nonNull(orgAccess, "orgAccess");
    }

    /**
     * Lists events of the caller's organization, newest first. The organization filter is always the
     * caller's own: there is no way to name another organization. Instance administrators also see
     * instance-level events, which belong to no organization.
     */
    public AuditPage list(Actor actor, AuditQuery query) {
        String orgId = orgAccess.requireAdmin(actor, "read the audit log");
        int limit = query.limit() <= 0 ? DEFAULT_LIMIT : query.limit();
        if (limit > MAX_LIMIT) {
            throw LatchkeyException.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        log.flush();
        return repository.query(new AuditQuery(orgId, query.projectId(), query.actorId(), query.action(),
                query.outcome(), query.from(), query.to(), query.beforeSeq(), limit, actor.instanceAdmin()));
    }

    /** Recomputes the whole chain. Only the instance administrator may (it reads every organization's events). */
    public AuditVerification verify(Actor actor) {
        if (!actor.instanceAdmin()) {
            throw LatchkeyException.forbidden("only the instance administrator may verify the audit chain");
        }
        return log.verify();
    }
}
