package io.latchkey.core.accesskey;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.auth.PrincipalDirectory;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.crypto.KeyedHasher;
import io.latchkey.core.crypto.SecureTokens;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrganizationRepository;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.JsonValues;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Management of a project's access keys (specs/descope-access-keys.md section 4.2, M1-M11): create, load,
 * search, update, activate and deactivate, delete, rotate. Every call authorizes through
 * {@link AccessControl}; a key of another project is "not found", exactly like an id that never existed.
 *
 * <p>Secrets: a key's cleartext is 256 random bits (base64url, never a {@code ':'}), returned only by
 * {@link #create} and {@link #rotate} and stored only as its keyed hash. Rotation replaces the hash, so the
 * previous cleartext stops working with the commit.
 *
 * <p>Referential rules: project roles and tenant roles must be roles of the project, tenants must exist, a
 * bound user must belong to the project's organization (400 naming the field otherwise). Custom claims may not
 * use the names the session JWT sets itself ({@link SessionClaims}). Batch calls check every id first and
 * change nothing when one is unknown.
 *
 * @since 0.1
 */
public final class AccessKeyService {
    /** KeyedHasher purpose of access-key cleartexts. */
    public static final String HASH_PURPOSE = "access-key";
    static final String VALUE_PREFIX = "lka_";

    private final Transactions transactions;
    private final AccessKeyRepository keys;
    private final TenantRepository tenants;
    private final ProjectRepository projects;
    private final OrganizationRepository organizations;
    private final AccessControl access;
    private final PrincipalDirectory directory;
    private final KeyedHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public AccessKeyService(Transactions transactions, AccessKeyRepository keys, TenantRepository tenants,
                            ProjectRepository projects, OrganizationRepository organizations, AccessControl access,
                            PrincipalDirectory directory, KeyedHasher hasher, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.keys = Require.nonNull(keys, "keys");
        this.tenants = Require.nonNull(tenants, "tenants");
        this.projects = Require.nonNull(projects, "projects");
        this.organizations = Require.nonNull(organizations, "organizations");
        this.access = Require.nonNull(access, "access");
        this.directory = Require.nonNull(directory, "directory");
        this.hasher = Require.nonNull(hasher, "hasher");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /**
     * What a new key looks like (M1).
     *
     * @param expireTime epoch seconds; null or 0 for a key that never expires
     * @param userId the user the key is bound to, or null
     */
    public record NewAccessKey(String name, String description, Long expireTime, List<String> roleNames,
                               List<KeyTenant> keyTenants, String userId, Map<String, ?> customClaims,
                               List<String> permittedIps, Map<String, ?> customAttributes) {
    }

    /** Changes of an update (M4): a null member leaves the field unchanged, a present one replaces it. */
    public record AccessKeyChanges(String name, String description, List<String> roleNames, List<KeyTenant> keyTenants,
                                   Map<String, ?> customClaims, List<String> permittedIps,
                                   Map<String, ?> customAttributes) {
    }

    /** A key and its cleartext. {@code cleartext} is a credential: return it once and never log it. */
    public record CreatedAccessKey(AccessKey key, String cleartext) {
        @Override
        public String toString() {
            return "CreatedAccessKey[id=" + key.id() + "]";
        }
    }

    public CreatedAccessKey create(Actor actor, Project project, NewAccessKey req, RequestMeta meta) {
        access.require(actor, project, AccessKeyActions.CREATE_ACCESS_KEY, ari(project, "*"), meta);
        return audited("accesskey.create", actor, project, null, meta, () -> doCreate(actor, project, req, meta));
    }

    private CreatedAccessKey doCreate(Actor actor, Project project, NewAccessKey req, RequestMeta meta) {
        Instant now = clock.instant();
        AccessKey.Builder b = AccessKey.builder().id(Ids.prefixed('K', 27)).projectId(project.id())
                .name(Inputs.name(req.name(), "name"))
                .description(Inputs.description(req.description(), "description"))
                .expiresAt(Inputs.expiry(req.expireTime(), now, "expireTime"))
                .boundUserId(boundUser(project, req.userId()))
                .customClaims(SessionClaims.checkCustomClaims(req.customClaims(), "customClaims"))
                .customAttributes(JsonValues.freeze(req.customAttributes(), "customAttributes"))
                .permittedIps(Inputs.permittedIps(req.permittedIps(), "permittedIps"))
                .createdBy(actor.id()).createdAt(now).updatedAt(now);
        String cleartext = SecureTokens.generate(VALUE_PREFIX);
        return transactions.inTransaction(() -> {
            AccessKey key = b.roleNames(projectRoles(project, req.roleNames()))
                    .keyTenants(keyTenants(project, req.keyTenants())).build();
            keys.insert(key, hasher.hash(HASH_PURPOSE, cleartext));
            audit.record(event("accesskey.create", actor, project, key.id(), meta)
                    .detail("roles", String.join(",", key.roleNames()))
                    .detail("tenants", Integer.toString(key.keyTenants().size()))
                    .detail("expires", key.expiresAt() == null ? "never" : key.expiresAt().toString()));
            return new CreatedAccessKey(keys.findById(project.id(), key.id()).orElseThrow(), cleartext);
        });
    }

    /** M2. */
    public AccessKey load(Actor actor, Project project, String id, RequestMeta meta) {
        Inputs.requireId(id, "id");
        access.require(actor, project, AccessKeyActions.GET_ACCESS_KEY, ari(project, id), meta);
        return find(project, id);
    }

    /** M3: keys of the project matching every given filter, oldest first. */
    public List<AccessKey> search(Actor actor, Project project, AccessKeySearch filter, RequestMeta meta) {
        access.require(actor, project, AccessKeyActions.SEARCH_ACCESS_KEYS, ari(project, "*"), meta);
        List<AccessKey> found = keys.search(project.id(), filter);
        if (filter.customAttributes().isEmpty()) {
            return found;
        }
        Map<String, Object> wanted = JsonValues.freeze(filter.customAttributes(), "customAttributes");
        List<AccessKey> out = new ArrayList<>();
        for (AccessKey k : found) {
            if (k.customAttributes() != null && wanted.entrySet().stream()
                    .allMatch(e -> Objects.equals(k.customAttributes().get(e.getKey()), e.getValue()))) {
                out.add(k);
            }
        }
        return out;
    }

    /** M4: absent (null) fields stay unchanged. */
    public AccessKey update(Actor actor, Project project, String id, AccessKeyChanges c, RequestMeta meta) {
        Inputs.requireId(id, "id");
        access.require(actor, project, AccessKeyActions.UPDATE_ACCESS_KEY, ari(project, id), meta);
        return audited("accesskey.update", actor, project, id, meta, () -> transactions.inTransaction(() -> {
            AccessKey k = find(project, id);
            AccessKey.Builder b = AccessKey.from(k).updatedAt(clock.instant());
            if (c.name() != null) {
                b.name(Inputs.name(c.name(), "name"));
            }
            if (c.description() != null) {
                b.description(Inputs.description(c.description(), "description"));
            }
            if (c.roleNames() != null) {
                b.roleNames(projectRoles(project, c.roleNames()));
            }
            if (c.keyTenants() != null) {
                b.keyTenants(keyTenants(project, c.keyTenants()));
            }
            if (c.customClaims() != null) {
                b.customClaims(SessionClaims.checkCustomClaims(c.customClaims(), "customClaims"));
            }
            if (c.permittedIps() != null) {
                b.permittedIps(Inputs.permittedIps(c.permittedIps(), "permittedIps"));
            }
            if (c.customAttributes() != null) {
                b.customAttributes(JsonValues.freeze(c.customAttributes(), "customAttributes"));
            }
            keys.update(b.build());
            audit.record(event("accesskey.update", actor, project, id, meta));
            return keys.findById(project.id(), id).orElseThrow();
        }));
    }

    /** M5-M8: sets the status of every given key (idempotent), or of none when one id is unknown. */
    public List<AccessKey> setStatus(Actor actor, Project project, List<String> ids, CredentialStatus status,
                                     RequestMeta meta) {
        List<String> checked = Inputs.ids(ids, "ids");
        String action = status == CredentialStatus.ACTIVE ? AccessKeyActions.ACTIVATE_ACCESS_KEY
                : AccessKeyActions.DEACTIVATE_ACCESS_KEY;
        for (String id : checked) {
            access.require(actor, project, action, ari(project, id), meta);
        }
        String auditAction = status == CredentialStatus.ACTIVE ? "accesskey.activate" : "accesskey.deactivate";
        List<AccessKey> result = audited(auditAction, actor, project, single(checked), meta,
                () -> transactions.inTransaction(() -> {
                    requireAll(project, checked);
                    List<AccessKey> out = new ArrayList<>();
                    for (String id : checked) {
                        keys.updateStatus(project.id(), id, status, clock.instant());
                        audit.record(event(auditAction, actor, project, id, meta));
                        out.add(keys.findById(project.id(), id).orElseThrow());
                    }
                    return out;
                }));
        checked.forEach(id -> directory.evict(PrincipalType.ACCESS_KEY, id));
        return result;
    }

    /** M9-M10: deletes every given key permanently, or none when one id is unknown. */
    public void delete(Actor actor, Project project, List<String> ids, RequestMeta meta) {
        List<String> checked = Inputs.ids(ids, "ids");
        for (String id : checked) {
            access.require(actor, project, AccessKeyActions.DELETE_ACCESS_KEY, ari(project, id), meta);
        }
        audited("accesskey.delete", actor, project, single(checked), meta, () -> transactions.inTransaction(() -> {
            requireAll(project, checked);
            for (String id : checked) {
                keys.delete(project.id(), id);
                audit.record(event("accesskey.delete", actor, project, id, meta));
            }
            return null;
        }));
        checked.forEach(id -> directory.evict(PrincipalType.ACCESS_KEY, id));
    }

    /** M11: a new cleartext for the same key; the previous one stops working with the commit. */
    public CreatedAccessKey rotate(Actor actor, Project project, String id, RequestMeta meta) {
        Inputs.requireId(id, "id");
        access.require(actor, project, AccessKeyActions.ROTATE_ACCESS_KEY, ari(project, id), meta);
        String cleartext = SecureTokens.generate(VALUE_PREFIX);
        return audited("accesskey.rotate", actor, project, id, meta, () -> transactions.inTransaction(() -> {
            find(project, id);
            keys.updateSecret(project.id(), id, hasher.hash(HASH_PURPOSE, cleartext), clock.instant());
            audit.record(event("accesskey.rotate", actor, project, id, meta));
            return new CreatedAccessKey(find(project, id), cleartext);
        }));
    }

    /**
     * Runs a mutation; when it is refused (unknown id, invalid input such as a reserved custom claim) the
     * refusal is audited with its code and field before it propagates. The mutation's own transaction has
     * rolled back by then, so the failure event is written on its own.
     */
    private <T> T audited(String action, Actor actor, Project project, String target, RequestMeta meta,
                          Supplier<T> work) {
        try {
            return work.get();
        } catch (LatchkeyException e) {
            audit.recordAsync(AuditRecord.builder(action, AuditOutcome.FAILURE).actor(actor).meta(meta)
                    .org(project.orgId()).project(project.id()).target(PrincipalType.ACCESS_KEY.wire(), target)
                    .reason(e.code().code()).detail("field", e.field()));
            throw e;
        }
    }

    /** The audit target of a batch: its one id, or none (the per-key success events name every id). */
    private static String single(List<String> ids) {
        return ids.size() == 1 ? ids.get(0) : null;
    }

    private AccessKey find(Project project, String id) {
        return keys.findById(project.id(), id).orElseThrow(() -> LatchkeyException.notFound("access key", id));
    }

    private void requireAll(Project project, List<String> ids) {
        for (String id : ids) {
            find(project, id);
        }
    }

    private String boundUser(Project project, String userId) {
        if (userId == null || userId.isEmpty()) {
            return null;
        }
        if (organizations.findMembership(project.orgId(), PrincipalType.USER, userId).isEmpty()) {
            throw LatchkeyException.invalidField("userId", "userId must be a user of the project's organization");
        }
        return userId;
    }

    private List<String> projectRoles(Project project, List<String> roleNames) {
        List<String> names = Inputs.names(roleNames, "roleNames", Inputs.MAX_LIST);
        requireRoles(project, names, "roleNames");
        return names;
    }

    private void requireRoles(Project project, List<String> names, String field) {
        if (names == null) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            if (projects.findRole(project.id(), names.get(i)).isEmpty()) {
                String path = field + "[" + i + "]";
                throw LatchkeyException.invalidField(path, path + " is not a role of the project");
            }
        }
    }

    private List<KeyTenant> keyTenants(Project project, List<KeyTenant> given) {
        if (given == null) {
            return null;
        }
        if (given.size() > Inputs.MAX_LIST) {
            throw LatchkeyException.invalidField("keyTenants", "keyTenants holds at most " + Inputs.MAX_LIST + " entries");
        }
        Set<String> seen = new HashSet<>();
        List<KeyTenant> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String path = "keyTenants[" + i + "]";
            KeyTenant t = given.get(i);
            if (t == null || t.tenantId() == null || t.tenantId().isBlank()) {
                throw LatchkeyException.missingField(path + ".tenantId");
            }
            if (!seen.add(t.tenantId())) {
                throw LatchkeyException.invalidField(path + ".tenantId", path + ".tenantId repeats an earlier tenant");
            }
            if (tenants.findById(project.id(), t.tenantId()).isEmpty()) {
                throw LatchkeyException.invalidField(path + ".tenantId", path + ".tenantId is not a tenant of the project");
            }
            List<String> roles = Inputs.names(t.roleNames(), path + ".roleNames", Inputs.MAX_LIST);
            requireRoles(project, roles, path + ".roleNames");
            out.add(new KeyTenant(t.tenantId(), null, roles));
        }
        return out;
    }

    private static String ari(Project project, String id) {
        return AccessKeyActions.resource(project.id(), "accesskey", id);
    }

    private static AuditRecord.Builder event(String action, Actor actor, Project project, String keyId, RequestMeta meta) {
        return AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(project.orgId())
                .project(project.id()).target(PrincipalType.ACCESS_KEY.wire(), keyId);
    }
}
