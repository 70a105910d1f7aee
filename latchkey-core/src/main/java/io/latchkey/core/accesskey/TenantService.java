package io.latchkey.core.accesskey;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Project;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.JsonValues;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tenants of a project (specs/descope-access-keys.md section 4.5, and the native
 * {@code /iam/v1/projects/{projectId}/tenants}): sub-scopes in which access keys hold roles. A tenant id is
 * chosen by the caller or generated ({@code T} + 27 letters and digits); names are unique in the project.
 * Deleting a tenant removes it, and the roles held there, from every access key of the project.
 *
 * @since 0.1
 */
public final class TenantService {
    static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Transactions transactions;
    private final TenantRepository tenants;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    public TenantService(Transactions transactions, TenantRepository tenants, AccessControl access, AuditLog audit,
                         Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.tenants = Require.nonNull(tenants, "tenants");
        this.access = Require.nonNull(access, "access");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /**
     * @param id the tenant id to use, or null (or empty) to generate one
     * @throws LatchkeyException {@code already_exists} naming {@code id} or {@code name}
     */
    public Tenant create(Actor actor, Project project, String id, String name, Map<String, ?> customAttributes,
                         RequestMeta meta) {
        access.require(actor, project, AccessKeyActions.CREATE_TENANT, AccessKeyActions.resource(project.id(), "tenant", "*"), meta);
        String tenantId = id == null || id.isEmpty() ? Ids.prefixed('T', 27) : id;
        if (!TENANT_ID.matcher(tenantId).matches()) {
            throw LatchkeyException.invalidField("id", "id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        Tenant t = new Tenant(project.id(), tenantId, Inputs.name(name, "name"),
                JsonValues.freeze(customAttributes, "customAttributes"), clock.instant());
        return transactions.inTransaction(() -> {
            if (tenants.findById(project.id(), tenantId).isPresent()) {
                throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "id", "a tenant with this id already exists");
            }
            if (!tenants.insert(t)) {
                throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "name", "a tenant with this name already exists");
            }
            audit.record(event("tenant.create", actor, project, tenantId, meta));
            return t;
        });
    }

    public Tenant get(Actor actor, Project project, String id, RequestMeta meta) {
        Inputs.requireId(id, "id");
        access.require(actor, project, AccessKeyActions.GET_TENANT, AccessKeyActions.resource(project.id(), "tenant", id), meta);
        return tenants.findById(project.id(), id).orElseThrow(() -> LatchkeyException.notFound("tenant", id));
    }

    public List<Tenant> list(Actor actor, Project project, RequestMeta meta) {
        access.require(actor, project, AccessKeyActions.LIST_TENANTS, AccessKeyActions.resource(project.id(), "tenant", "*"), meta);
        return tenants.findByProject(project.id());
    }

    public void delete(Actor actor, Project project, String id, RequestMeta meta) {
        Inputs.requireId(id, "id");
        access.require(actor, project, AccessKeyActions.DELETE_TENANT, AccessKeyActions.resource(project.id(), "tenant", id), meta);
        transactions.run(() -> {
            if (!tenants.delete(project.id(), id)) {
                throw LatchkeyException.notFound("tenant", id);
            }
            audit.record(event("tenant.delete", actor, project, id, meta));
        });
    }

    private static AuditRecord.Builder event(String action, Actor actor, Project project, String id, RequestMeta meta) {
        return AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(project.orgId())
                .project(project.id()).target("tenant", id);
    }
}
