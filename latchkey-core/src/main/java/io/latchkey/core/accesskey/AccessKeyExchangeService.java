package io.latchkey.core.accesskey;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.auth.PrincipalDirectory;
import io.latchkey.core.auth.PrincipalInfo;
import io.latchkey.core.crypto.KeyedHasher;
import io.latchkey.core.error.ErrorCategory;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.project.ProjectRole;
import io.latchkey.core.ratelimit.AttemptLimiter;
import io.latchkey.core.ratelimit.AttemptLimits;
import io.latchkey.core.ratelimit.AttemptPolicy;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.JsonValues;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.TokenDraft;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.token.TokenSettings;
import io.latchkey.core.token.TokenSigner;
import io.latchkey.core.token.TokenUse;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access-key exchange (specs/descope-access-keys.md section 4.3, X1): {@code Bearer
 * <projectId>:<cleartext>[:<authManagementKey>]} in, a session JWT out (section 5).
 *
 * <p>Steps, each a method: the caller's address is not locked out; {@link #findKey} (parse, one keyed hash,
 * one indexed lookup, the key belongs to the named project; then the key is not locked out); {@link #checkUsable}
 * (active, not expired, caller address permitted, bound user still active); {@link #sessionClaims} (roles and
 * the permissions of those roles, tenants with theirs, the key's custom claims at the top level, the caller's
 * claims under {@code nsec}, the selected tenant as {@code dct}); sign with the key ring's active RS256 key.
 *
 * <p>The session: {@code iss} is {@code <issuer>/<projectId>} (the vendor SDKs accept an issuer whose last path
 * segment is the project id), {@code sub} the key id, {@code aud} the project id, {@code exp} the configured
 * session lifetime but never past the key's own expiry. The third header field (an application's "auth
 * management key") is accepted and ignored: it grants nothing the access key does not.
 *
 * <p>Failures: 401 for a malformed header, an unknown (or deleted, or other project's) key, an inactive or
 * expired key and a disabled bound user; 403 for a caller address outside the key's permitted addresses;
 * 429 once the address (any failure) or the key (failures after it was identified) is locked out. Every
 * failure is audited with its cause; only the caller's own key is ever named in a message.
 *
 * @since 0.1
 */
public final class AccessKeyExchangeService {
    static final AttemptPolicy FAILURES_PER_ADDRESS = AttemptLimits.ACCESS_KEY_ADDRESS;
    static final AttemptPolicy FAILURES_PER_KEY = AttemptLimits.ACCESS_KEY;
    static final String INVALID_KEY = "the access key is not valid for this project";

    private final AccessKeyRepository keys;
    private final ProjectRepository projects;
    private final TokenSigner signer;
    private final TokenSettings settings;
    private final KeyedHasher hasher;
    private final PrincipalDirectory directory;
    private final AttemptLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;

    public AccessKeyExchangeService(AccessKeyRepository keys, ProjectRepository projects, TokenSigner signer,
                                    TokenSettings settings, KeyedHasher hasher, PrincipalDirectory directory,
                                    AttemptLimiter limiter, AuditLog audit, Clock clock) {
        this.keys = Require.nonNull(keys, "keys");
        this.projects = Require.nonNull(projects, "projects");
        this.signer = Require.nonNull(signer, "signer");
        this.settings = Require.nonNull(settings, "settings");
        this.hasher = Require.nonNull(hasher, "hasher");
        this.directory = Require.nonNull(directory, "directory");
        this.limiter = Require.nonNull(limiter, "limiter");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /**
     * The exchange's {@code loginOptions}; both members optional.
     *
     * @param customClaims untrusted claims of the caller, nested under {@code nsec}
     * @param selectedTenant one of the key's tenants, carried as {@code dct}
     */
    public record LoginOptions(Map<String, ?> customClaims, String selectedTenant) {
        public static final LoginOptions NONE = new LoginOptions(null, null);
    }

    /** The answer of X1. {@code jwt} is a credential: return it to the caller and never log it. */
    public record Session(String keyId, String jwt, Instant expiresAt) {
        @Override
        public String toString() {
            return "Session[keyId=" + keyId + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** What one exchange attempt knows so far, for counting and auditing its failure. */
    private record Attempt(RequestMeta meta, String addressKey, AccessKey key) {
        String keyLimiterKey() {
            return key == null ? null : "accesskey:key:" + key.id();
        }
    }

    /**
     * @param credential the Authorization value after {@code Bearer }, or null when the header is absent
     * @throws LatchkeyException see the class comment
     */
    public Session exchange(String credential, LoginOptions options, RequestMeta meta) {
        Attempt attempt = new Attempt(meta, "accesskey:ip:" + meta.sourceIp(), null);
        checkNotLocked(attempt, attempt.addressKey());
        AccessKey key = findKey(attempt, credential);
        attempt = new Attempt(meta, attempt.addressKey(), key);
        checkNotLocked(attempt, attempt.keyLimiterKey());
        checkUsable(attempt, key);
        LoginOptions opts = options == null ? LoginOptions.NONE : options;
        Map<String, Object> claims;
        try {
            claims = sessionClaims(key, opts);
        } catch (LatchkeyException e) {
            auditFailure(attempt, e, "invalid_login_options");
            throw e;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(settings.accessKeySessionTtl());
        if (key.expiresAt() != null && key.expiresAt().isBefore(exp)) {
            exp = key.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        }
        String jti = Ids.uuid();
        String jwt = signer.sign(new TokenDraft(settings.issuer() + "/" + key.projectId(), key.id(),
                List.of(key.projectId()), now, exp, jti, claims), JwsAlgorithm.RS256);
        audit.recordAsync(AuditRecord.builder("auth.accesskey_exchange", AuditOutcome.SUCCESS).meta(meta)
                .project(key.projectId()).actor(PrincipalType.ACCESS_KEY.wire(), key.id()).target("token", jti));
        return new Session(key.id(), jwt, exp);
    }

    private void checkNotLocked(Attempt attempt, String limiterKey) {
        try {
            limiter.check(limiterKey);
        } catch (LatchkeyException locked) {
            auditFailure(attempt, locked, "rate_limited");
            throw locked;
        }
    }

    /** The key the credential names, in the project it names; anything else is the same 401. */
    private AccessKey findKey(Attempt attempt, String credential) {
        ProjectCredential c = ProjectCredential.parse(credential);
        if (c == null) {
            throw failure(attempt, credential == null ? ErrorCode.CREDENTIALS_MISSING : ErrorCode.CREDENTIALS_INVALID,
                    "malformed_credential", "the Authorization header must be Bearer <projectId>:<accessKey>");
        }
        return keys.findBySecretHash(hasher.hash(AccessKeyService.HASH_PURPOSE, c.secret()))
                .filter(k -> k.projectId().equals(c.projectId()))
                .orElseThrow(() -> failure(attempt, ErrorCode.CREDENTIALS_INVALID, "unknown_key", INVALID_KEY));
    }

    private void checkUsable(Attempt attempt, AccessKey key) {
        if (!key.isActive()) {
            throw failure(attempt, ErrorCode.CREDENTIAL_INACTIVE, "key_inactive", "the access key is not active");
        }
        if (key.isExpiredAt(clock.instant())) {
            throw failure(attempt, ErrorCode.CREDENTIAL_EXPIRED, "key_expired", "the access key has expired");
        }
        if (!Inputs.allows(key.permittedIps(), attempt.meta().sourceIp())) {
            throw failure(attempt, ErrorCode.SOURCE_ADDRESS_NOT_ALLOWED, "address_not_permitted",
                    "the access key may not be used from this address");
        }
        if (key.boundUserId() != null && !directory.find(PrincipalType.USER, key.boundUserId())
                .map(PrincipalInfo::active).orElse(false)) {
            throw failure(attempt, ErrorCode.CREDENTIAL_INACTIVE, "user_inactive",
                    "the user the access key is bound to is disabled or deleted");
        }
    }

    /** The session's claims beyond the registered ones (section 5 of the spec). */
    Map<String, Object> sessionClaims(AccessKey key, LoginOptions options) {
        Map<String, Object> callerClaims = JsonValues.freeze(options.customClaims(), "loginOptions.customClaims");
        String selected = options.selectedTenant();
        if (selected != null && !selected.isEmpty()
                && key.keyTenants().stream().noneMatch(t -> t.tenantId().equals(selected))) {
            throw LatchkeyException.invalidField("loginOptions.selectedTenant",
                    "loginOptions.selectedTenant must be one of the access key's tenants");
        }
        Map<String, List<String>> rolePermissions = rolePermissions(key);
        // Stored custom claims first: the claims set below can never be overwritten by them (and are refused
        // at create and update anyway, see SessionClaims).
        Map<String, Object> claims = new LinkedHashMap<>();
        if (key.customClaims() != null) {
            claims.putAll(key.customClaims());
        }
        claims.put(SessionClaims.ROLES, key.roleNames());
        claims.put(SessionClaims.PERMISSIONS, permissionsOf(key.roleNames(), rolePermissions));
        Map<String, Object> tenants = new LinkedHashMap<>();
        for (KeyTenant t : key.keyTenants()) {
            tenants.put(t.tenantId(), Map.of(SessionClaims.ROLES, t.roleNames(),
                    SessionClaims.PERMISSIONS, permissionsOf(t.roleNames(), rolePermissions)));
        }
        claims.put(SessionClaims.TENANTS, tenants);
        claims.put(SessionClaims.NSEC, callerClaims == null ? Map.of() : callerClaims);
        if (selected != null && !selected.isEmpty()) {
            claims.put(SessionClaims.DCT, selected);
        }
        claims.put(SessionClaims.DRN, SessionClaims.SESSION_MARKER);
        claims.put(TokenService.CLAIM_TOKEN_USE, TokenUse.ACCESS_KEY.claim());
        return claims;
    }

    /** Permissions of the project's roles, read only when the key holds a role at all. */
    private Map<String, List<String>> rolePermissions(AccessKey key) {
        Map<String, List<String>> out = new HashMap<>();
        if (key.roleNames().isEmpty() && key.keyTenants().stream().allMatch(t -> t.roleNames().isEmpty())) {
            return out;
        }
        for (ProjectRole r : projects.findRoles(key.projectId())) {
            out.put(r.slug(), r.permissions());
        }
        return out;
    }

    private static List<String> permissionsOf(List<String> roles, Map<String, List<String>> rolePermissions) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : roles) {
            out.addAll(rolePermissions.getOrDefault(r, List.of()));
        }
        return List.copyOf(out);
    }

    private LatchkeyException failure(Attempt attempt, ErrorCode code, String cause, String message) {
        limiter.recordFailure(attempt.addressKey(), FAILURES_PER_ADDRESS);
        if (attempt.key() != null) {
            limiter.recordFailure(attempt.keyLimiterKey(), FAILURES_PER_KEY);
        }
        LatchkeyException e = LatchkeyException.of(code, message);
        auditFailure(attempt, e, cause);
        return e;
    }

    private void auditFailure(Attempt attempt, LatchkeyException e, String cause) {
        AccessKey key = attempt.key();
        audit.recordAsync(AuditRecord.builder("auth.accesskey_exchange",
                        e.category() == ErrorCategory.RATE_LIMITED ? AuditOutcome.DENIED : AuditOutcome.FAILURE)
                .meta(attempt.meta()).project(key == null ? null : key.projectId())
                .actor(PrincipalType.ACCESS_KEY.wire(), key == null ? null : key.id())
                .reason(e.code().code()).detail("cause", cause));
    }
}
