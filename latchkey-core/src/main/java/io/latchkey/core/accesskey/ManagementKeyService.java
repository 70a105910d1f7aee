package io.latchkey.core.accesskey;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.authz.Aris;
import io.latchkey.core.authz.BuiltInRoles;
import io.latchkey.core.crypto.KeyedHasher;
import io.latchkey.core.crypto.SecureTokens;
import io.latchkey.core.error.ErrorCategory;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.ratelimit.AttemptLimiter;
import io.latchkey.core.ratelimit.AttemptLimits;
import io.latchkey.core.ratelimit.AttemptPolicy;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Management keys of a project (specs/descope-access-keys.md sections 2 and 4.5): created by a project owner
 * or administrator through the native API (or by another management key through the dialect), shown once,
 * stored only as a keyed hash, and used as {@code Bearer <projectId>:<managementKey>} on management calls.
 *
 * <p>Authority: a management key is not a project member. At creation a policy is stored for it in its
 * project, allowing {@code accesskey:*} on the project's access-key resources only; every management call then
 * authorizes through {@link AccessControl} like any other endpoint, and deleting the key deletes the policy.
 *
 * <p>Authentication ({@link #authenticate}) is one keyed hash and one indexed lookup. A key of another project,
 * a deactivated, expired or deleted key, or a malformed header all answer 401, are audited with the reason and
 * count towards the caller address's lockout.
 *
 * @since 0.1
 */
public final class ManagementKeyService {
    /** KeyedHasher purpose of management-key values. */
    public static final String HASH_PURPOSE = "mgmt-key";
    public static final String INVALID_KEY = "the management key is not valid for this project";
    static final String VALUE_PREFIX = "lkm_";
    static final AttemptPolicy FAILURES_PER_ADDRESS = AttemptLimits.MANAGEMENT_KEY_ADDRESS;

    private final Transactions transactions;
    private final ManagementKeyRepository keys;
    private final ProjectRepository projects;
    private final AccessControl access;
    private final KeyedHasher hasher;
    private final AttemptLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;

    public ManagementKeyService(Transactions transactions, ManagementKeyRepository keys, ProjectRepository projects,
                                AccessControl access, KeyedHasher hasher, AttemptLimiter limiter, AuditLog audit,
                                Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.keys = Require.nonNull(keys, "keys");
        this.projects = Require.nonNull(projects, "projects");
        this.access = Require.nonNull(access, "access");
        this.hasher = Require.nonNull(hasher, "hasher");
        this.limiter = Require.nonNull(limiter, "limiter");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /**
     * What a new management key looks like.
     *
     * @param expiresInSeconds lifetime from now; null or 0 for a key that never expires
     */
    public record NewManagementKey(String name, String description, Long expiresInSeconds, List<String> permittedIps) {
    }

    /** A new key and its value. {@code cleartext} is a credential: return it once and never log it. */
    public record CreatedManagementKey(ManagementKey key, String cleartext) {
        @Override
        public String toString() {
            return "CreatedManagementKey[id=" + key.id() + "]";
        }
    }

    /** An authenticated management call: the acting key and its project. */
    public record ManagementSession(Actor actor, Project project) {
    }

    public CreatedManagementKey create(Actor actor, Project project, NewManagementKey req, RequestMeta meta) {
        access.require(actor, project, AccessKeyActions.CREATE_MANAGEMENT_KEY,
                AccessKeyActions.resource(project.id(), "managementkey", "*"), meta);
        Instant now = clock.instant();
        String name = Inputs.name(req.name(), "name");
        String description = Inputs.description(req.description(), "description");
        List<String> ips = Inputs.permittedIps(req.permittedIps(), "permittedIps");
        Instant expiresAt = expiry(req.expiresInSeconds(), now);
        String cleartext = SecureTokens.generate(VALUE_PREFIX);
        ManagementKey key = new ManagementKey(Ids.prefixed('K', 27), project.id(), name, description,
                CredentialStatus.ACTIVE, expiresAt, ips, actor.id(), now, now);
        transactions.run(() -> {
            keys.insert(key, hasher.hash(HASH_PURPOSE, cleartext));
            projects.putPolicy(project.id(), PrincipalType.MANAGEMENT_KEY, key.id(), policy(key));
            projects.bumpAuthzVersion(project.id());
            audit.record(event("managementkey.create", actor, project, key.id(), meta)
                    .detail("expires", expiresAt == null ? "never" : expiresAt.toString()));
        });
        return new CreatedManagementKey(key, cleartext);
    }

    private static Instant expiry(Long seconds, Instant now) {
        if (seconds == null || seconds == 0) {
            return null;
        }
        if (seconds < 0 || seconds > Inputs.MAX_EPOCH_SECOND - now.getEpochSecond()) {
            throw LatchkeyException.invalidField("expiresIn", "expiresIn must be a positive number of seconds (or 0 for never)");
        }
        return now.plusSeconds(seconds);
    }

    /** The stored policy: the key may do anything of the access-key service, in its own project only. */
    static PolicyDocument policy(ManagementKey key) {
        String principal = Aris.principal(key.projectId(), PrincipalType.MANAGEMENT_KEY, key.id());
        return new PolicyDocument("principal:" + PrincipalType.MANAGEMENT_KEY.wire() + ":" + key.id(),
                BuiltInRoles.POLICY_VERSION, "management key " + key.id(), null, List.of(new PolicyStatement(
                "ManagementKey", Effect.ALLOW, List.of(principal), List.of(AccessKeyActions.ALL),
                List.of(AccessKeyActions.anyResource(key.projectId())), List.of())));
    }

    public List<ManagementKey> list(Actor actor, Project project, RequestMeta meta) {
        access.require(actor, project, AccessKeyActions.LIST_MANAGEMENT_KEYS,
                AccessKeyActions.resource(project.id(), "managementkey", "*"), meta);
        return keys.findByProject(project.id());
    }

    /** A key of the project; "not found" for an unknown id or one of another project. */
    public ManagementKey get(Actor actor, Project project, String id, RequestMeta meta) {
        Inputs.requireId(id, "id");
        access.require(actor, project, AccessKeyActions.GET_MANAGEMENT_KEY,
                AccessKeyActions.resource(project.id(), "managementkey", id), meta);
        return find(project, id);
    }

    private ManagementKey find(Project project, String id) {
        return keys.findById(project.id(), id).orElseThrow(() -> LatchkeyException.notFound("management key", id));
    }

    /** Changes name, description, status or permitted addresses; null arguments stay unchanged. */
    public ManagementKey update(Actor actor, Project project, String id, String name, String description,
                                CredentialStatus status, List<String> permittedIps, RequestMeta meta) {
        Inputs.requireId(id, "id");
        access.require(actor, project, AccessKeyActions.UPDATE_MANAGEMENT_KEY,
                AccessKeyActions.resource(project.id(), "managementkey", id), meta);
        String n = name == null ? null : Inputs.name(name, "name");
        String d = Inputs.description(description, "description");
        List<String> ips = Inputs.permittedIps(permittedIps, "permittedIps");
        return transactions.inTransaction(() -> {
            ManagementKey k = find(project, id);
            ManagementKey updated = k.with(n == null ? k.name() : n, d == null ? k.description() : d,
                    status == null ? k.status() : status, ips == null ? k.permittedIps() : ips, clock.instant());
            keys.update(updated);
            audit.record(event("managementkey.update", actor, project, id, meta).detail("status", updated.status().wire()));
            return updated;
        });
    }

    /** Deletes every given key, or none when one of them does not exist in the project. */
    public void delete(Actor actor, Project project, List<String> ids, RequestMeta meta) {
        List<String> checked = Inputs.ids(ids, "ids");
        for (String id : checked) {
            access.require(actor, project, AccessKeyActions.DELETE_MANAGEMENT_KEY,
                    AccessKeyActions.resource(project.id(), "managementkey", id), meta);
        }
        transactions.run(() -> {
            for (String id : checked) {
                find(project, id);
            }
            for (String id : checked) {
                keys.delete(project.id(), id);
                projects.deletePolicy(project.id(), PrincipalType.MANAGEMENT_KEY, id);
                audit.record(event("managementkey.delete", actor, project, id, meta));
            }
            projects.bumpAuthzVersion(project.id());
        });
        access.invalidate(project.id());
    }

    /**
     * Authenticates a management call from the value after {@code Bearer } ({@code <projectId>:<key>}).
     *
     * @throws LatchkeyException 401 ({@code credentials_missing}, {@code credentials_invalid},
     *         {@code credential_inactive}, {@code credential_expired}), 403 when the caller's address is not
     *         permitted, 429 ({@code account_locked}) after repeated failures from the address
     */
    public ManagementSession authenticate(String credential, RequestMeta meta) {
        String addressKey = "mgmtkey:ip:" + meta.sourceIp();
        ProjectCredential c = ProjectCredential.parse(credential);
        try {
            limiter.check(addressKey);
        } catch (LatchkeyException locked) {
            auditFailure(c, null, meta, locked, "rate_limited");
            throw locked;
        }
        if (c == null || c.extra() != null) {
            throw failure(c, null, addressKey, meta, credential == null ? ErrorCode.CREDENTIALS_MISSING
                    : ErrorCode.CREDENTIALS_INVALID, "malformed_credential",
                    "the Authorization header must be Bearer <projectId>:<managementKey>");
        }
        ManagementKey key = keys.findBySecretHash(hasher.hash(HASH_PURPOSE, c.secret()))
                .filter(k -> k.projectId().equals(c.projectId())).orElse(null);
        Project project = key == null ? null : projects.findById(key.projectId()).orElse(null);
        if (key == null || project == null) {
            throw failure(c, null, addressKey, meta, ErrorCode.CREDENTIALS_INVALID, "unknown_key", INVALID_KEY);
        }
        Instant now = clock.instant();
        if (key.status() != CredentialStatus.ACTIVE) {
            throw failure(c, key, addressKey, meta, ErrorCode.CREDENTIAL_INACTIVE, "key_inactive",
                    "the management key is not active");
        }
        if (key.isExpiredAt(now)) {
            throw failure(c, key, addressKey, meta, ErrorCode.CREDENTIAL_EXPIRED, "key_expired",
                    "the management key has expired");
        }
        if (!Inputs.allows(key.permittedIps(), meta.sourceIp())) {
            throw failure(c, key, addressKey, meta, ErrorCode.SOURCE_ADDRESS_NOT_ALLOWED, "address_not_permitted",
                    "the management key may not be used from this address");
        }
        return new ManagementSession(new Actor(PrincipalType.MANAGEMENT_KEY, key.id(), project.orgId(), null, false), project);
    }

    private LatchkeyException failure(ProjectCredential c, ManagementKey key, String addressKey, RequestMeta meta,
                                      ErrorCode code, String cause, String message) {
        limiter.recordFailure(addressKey, FAILURES_PER_ADDRESS);
        LatchkeyException e = LatchkeyException.of(code, message);
        auditFailure(c, key, meta, e, cause);
        return e;
    }

    private void auditFailure(ProjectCredential c, ManagementKey key, RequestMeta meta, LatchkeyException e, String cause) {
        // The project id is only recorded when a key of that project matched: an unverified id is caller input.
        audit.recordAsync(AuditRecord.builder("auth.management_key", e.category() == ErrorCategory.RATE_LIMITED
                        ? AuditOutcome.DENIED : AuditOutcome.FAILURE).meta(meta)
                .project(key == null ? null : key.projectId())
                .actor(PrincipalType.MANAGEMENT_KEY.wire(), key == null ? null : key.id())
                .reason(e.code().code()).detail("cause", cause)
                .detail("claimedProject", key == null && c != null ? c.projectId() : null));
    }

    private static AuditRecord.Builder event(String action, Actor actor, Project project, String keyId, RequestMeta meta) {
        return AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(project.orgId())
                .project(project.id()).target(PrincipalType.MANAGEMENT_KEY.wire(), keyId);
    }
}
