package io.latchkey.core.identity;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.crypto.KeyedHasher;
import io.latchkey.core.crypto.SecureTokens;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgPermission;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Universal auth administration (specs/infisical.md section 3.1): attach, read, update and revoke the
 * configuration of an identity; create, list, read and revoke its client secrets. Logging in is
 * {@link io.latchkey.core.identity.auth.UniversalAuthMethod}.
 *
 * <p>A client secret is 256 random bits shown once; only its keyed hash ({@link #HASH_PURPOSE}) and a
 * 9-character prefix for recognition are stored. Revoking universal auth deletes the client secrets and
 * revokes every token obtained through it; revoking one client secret stops new logins with it and leaves
 * the tokens it already produced alone (revoke those with A3).
 *
 * @since 0.1
 */
public final class UniversalAuthService {
    /** The purpose string under which client secrets are hashed. */
    public static final String HASH_PURPOSE = "universal-auth-client-secret";
    /** Client secrets start with this, so a leaked one is recognised (and found by secret scanners). */
    public static final String SECRET_PREFIX = "lkcs_";
    public static final int MAX_DESCRIPTION = 500;
    static final int SHOWN_PREFIX = SECRET_PREFIX.length() + 4;

    private final Transactions transactions;
    private final IdentityAuthRepository configs;
    private final IdentityLookups lookups;
    private final IdentityAccess access;
    private final IdentityTokens tokens;
    private final KeyedHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public UniversalAuthService(Transactions transactions, IdentityAuthRepository configs, IdentityLookups lookups,
                                IdentityAccess access, IdentityTokens tokens, KeyedHasher hasher, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.configs = Require.nonNull(configs, "configs");
        this.lookups = Require.nonNull(lookups, "lookups");
        this.access = Require.nonNull(access, "access");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.hasher = Require.nonNull(hasher, "hasher");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** Requested settings; null members keep their current value (or the spec's default on attach). */
    public record Changes(AccessTokenSettings.Changes tokens, List<String> clientSecretTrustedIps, Boolean lockoutEnabled,
                          Long lockoutThreshold, Long lockoutDurationSeconds, Long lockoutCounterResetSeconds) {
        public Changes {
            tokens = tokens == null ? AccessTokenSettings.Changes.NONE : tokens;
        }
    }

    /** A new client secret: {@code secret} is the credential, returned once and stored nowhere. */
    public record CreatedClientSecret(String secret, ClientSecret data) {
        @Override
        public String toString() {
            return "CreatedClientSecret[" + data + "]";
        }
    }

    public UniversalAuthConfig attach(Actor actor, String identityId, Changes changes, RequestMeta meta) {
        MachineIdentity identity = manage(actor, identityId, "attach universal auth");
        Instant now = clock.instant();
        UniversalAuthConfig config = apply(UniversalAuthConfig.builder().id(Ids.uuid()).identityId(identity.id())
                .clientId(Ids.uuid()).createdAt(now), null, changes).build();
        transactions.run(() -> {
            if (!configs.insertUniversalAuth(config)) {
                throw LatchkeyException.of(ErrorCode.ALREADY_EXISTS, "universal auth is already attached to the identity");
            }
            record(actor, identity, "identity.universal_auth.attach", meta);
        });
        return config;
    }

    public UniversalAuthConfig get(Actor actor, String identityId) {
        MachineIdentity identity = access.require(actor, identityId, OrgPermission.IDENTITIES_READ, "read identities");
        return require(identity);
    }

    public UniversalAuthConfig update(Actor actor, String identityId, Changes changes, RequestMeta meta) {
        MachineIdentity identity = manage(actor, identityId, "configure universal auth");
        UniversalAuthConfig current = require(identity);
        UniversalAuthConfig updated = apply(UniversalAuthConfig.from(current), current, changes).updatedAt(clock.instant()).build();
        transactions.run(() -> {
            configs.updateUniversalAuth(updated);
            record(actor, identity, "identity.universal_auth.update", meta);
        });
        lookups.forget();
        return updated;
    }

    /** Detaches universal auth: client secrets are deleted and its tokens revoked. */
    public UniversalAuthConfig revoke(Actor actor, String identityId, RequestMeta meta) {
        MachineIdentity identity = manage(actor, identityId, "revoke universal auth");
        UniversalAuthConfig current = require(identity);
        transactions.run(() -> {
            configs.deleteUniversalAuth(identity.id());
            tokens.revokeAllOf(identity.id(), AuthMethodNames.UNIVERSAL_AUTH);
            record(actor, identity, "identity.universal_auth.revoke", meta);
        });
        lookups.forget();
        return current;
    }

    /**
     * @param numUsesLimit logins allowed with the secret (0 or null = unlimited)
     * @param ttl seconds the secret lives (0 or null = never expires)
     */
    public CreatedClientSecret createClientSecret(Actor actor, String identityId, String description, Long numUsesLimit,
                                                  Long ttl, RequestMeta meta) {
        MachineIdentity identity = manage(actor, identityId, "create client secrets");
        require(identity);
        String d = Validate.optionalText(description == null ? "" : description, "description", MAX_DESCRIPTION);
        long uses = AccessTokenSettings.bounded(numUsesLimit, 0, AccessTokenSettings.MAX_USES, "numUsesLimit");
        long lifetime = AccessTokenSettings.bounded(ttl, 0, AccessTokenSettings.MAX_SECONDS, "ttl");
        String secret = SecureTokens.generate(SECRET_PREFIX);
        Instant now = clock.instant();
        ClientSecret data = new ClientSecret(Ids.uuid(), identity.id(), d, secret.substring(0, SHOWN_PREFIX),
                hasher.hash(HASH_PURPOSE, secret), 0, uses, lifetime, false, now, now);
        transactions.run(() -> {
            configs.insertClientSecret(data);
            audit.record(AuditRecord.builder("identity.client_secret.create", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(identity.orgId()).target("identity", identity.id()).detail("clientSecretId", data.id()));
        });
        return new CreatedClientSecret(secret, data);
    }

    public List<ClientSecret> listClientSecrets(Actor actor, String identityId) {
        MachineIdentity identity = access.require(actor, identityId, OrgPermission.IDENTITIES_READ, "read identities");
        require(identity);
        return configs.findClientSecrets(identity.id());
    }

    public ClientSecret getClientSecret(Actor actor, String identityId, String clientSecretId) {
        MachineIdentity identity = access.require(actor, identityId, OrgPermission.IDENTITIES_READ, "read identities");
        return configs.findClientSecret(identity.id(), clientSecretId)
                .orElseThrow(() -> LatchkeyException.notFound("client secret", clientSecretId));
    }

    public ClientSecret revokeClientSecret(Actor actor, String identityId, String clientSecretId, RequestMeta meta) {
        MachineIdentity identity = manage(actor, identityId, "revoke client secrets");
        ClientSecret current = configs.findClientSecret(identity.id(), clientSecretId)
                .orElseThrow(() -> LatchkeyException.notFound("client secret", clientSecretId));
        transactions.run(() -> {
            configs.revokeClientSecret(identity.id(), current.id(), clock.instant());
            audit.record(AuditRecord.builder("identity.client_secret.revoke", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .org(identity.orgId()).target("identity", identity.id()).detail("clientSecretId", current.id()));
        });
        lookups.forget();
        return configs.findClientSecret(identity.id(), current.id()).orElse(current);
    }

    /** Applies changes over {@code current} (null on attach: the spec's defaults). */
    private static UniversalAuthConfig.Builder apply(UniversalAuthConfig.Builder b, UniversalAuthConfig current, Changes c) {
        AccessTokenSettings tokens = current == null ? AccessTokenSettings.DEFAULTS : current.tokens();
        TrustedIps ips = current == null ? TrustedIps.ANYWHERE : current.clientSecretTrustedIps();
        Lockout l = current == null ? Lockout.DEFAULTS : current.lockout();
        Lockout lockout = new Lockout(c.lockoutEnabled() == null ? l.enabled() : c.lockoutEnabled(),
                (int) bounded(c.lockoutThreshold(), l.threshold(), 1, Lockout.MAX_THRESHOLD, "lockoutThreshold"),
                (int) bounded(c.lockoutDurationSeconds(), l.durationSeconds(), 30, Lockout.MAX_DURATION_SECONDS,
                        "lockoutDurationSeconds"),
                (int) bounded(c.lockoutCounterResetSeconds(), l.counterResetSeconds(), 5, Lockout.MAX_COUNTER_RESET_SECONDS,
                        "lockoutCounterResetSeconds"));
        TrustedIps secretIps = c.clientSecretTrustedIps() == null ? ips
                : TrustedIps.parse(c.clientSecretTrustedIps(), "clientSecretTrustedIps");
        return b.tokens(AccessTokenSettings.apply(tokens, c.tokens())).clientSecretTrustedIps(secretIps).lockout(lockout);
    }

    private static long bounded(Long value, long fallback, long min, long max, String field) {
        if (value != null && (value < min || value > max)) {
            throw LatchkeyException.invalidField(field, field + " must be between " + min + " and " + max);
        }
        return value == null ? fallback : value;
    }

    private MachineIdentity manage(Actor actor, String identityId, String what) {
        return access.require(actor, identityId, OrgPermission.IDENTITIES_MANAGE, what);
    }

    private UniversalAuthConfig require(MachineIdentity identity) {
        return configs.findUniversalAuth(identity.id())
                .orElseThrow(() -> LatchkeyException.notFound("universal auth of the identity", identity.id()));
    }

    private void record(Actor actor, MachineIdentity identity, String action, RequestMeta meta) {
        audit.record(AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(identity.orgId())
                .target("identity", identity.id()));
    }
}
