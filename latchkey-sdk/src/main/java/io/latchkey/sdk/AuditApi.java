package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.WireLists;

import java.util.Objects;

/**
 * The audit log ({@code /iam/v1/audit}), reached through {@link LatchkeyClient#audit()}. Accepts a user
 * token or a machine identity token; listing needs an organization administrator, verifying the
 * instance administrator.
 *
 * @since 0.1
 */
public final class AuditApi {
    private static final AuthPolicy AUTH = AuthPolicy.of("audit", AuthMode.USER, AuthMode.IDENTITY);

    private final ApiExecutor executor;

    AuditApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /** Every event of the caller's organization, newest first. */
    public PagedIterable<AuditEvent> list() {
        return list(AuditFilter.all());
    }

    /**
     * The events that match a filter, newest first, fetched page by page as you iterate.
     *
     * @throws ValidationException (while iterating) when a filter value is malformed
     */
    public PagedIterable<AuditEvent> list(AuditFilter filter) {
        Objects.requireNonNull(filter, "filter cannot be null");
        return new PagedIterable<>(cursor -> {
            WireLists.AuditEvents page = executor.execute(ApiCall.get("/iam/v1/audit", WireLists.AuditEvents.class, AUTH)
                    .query("projectId", filter.projectId()).query("actorId", filter.actorId())
                    .query("action", filter.action()).query("outcome", filter.outcome())
                    .query("from", filter.from()).query("to", filter.to())
                    .query("limit", filter.pageSize() == 0 ? null : filter.pageSize())
                    .query("exclusiveStartKey", cursor));
            return new Page<>(page.events(), page.lastEvaluatedKey());
        });
    }

    /**
     * Recomputes the hash chain of the whole log (instance administrator only). A broken chain is an
     * answer, not an error: check {@link AuditVerification#valid()}.
     */
    public AuditVerification verify() {
        return executor.execute(ApiCall.get("/iam/v1/audit/verify", AuditVerification.class, AUTH));
    }
}
