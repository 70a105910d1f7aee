package io.latchkey.core.identity.auth;

import io.latchkey.core.crypto.KeyedHasher;
import io.latchkey.core.error.ErrorCategory;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.AuthMethodNames;
import io.latchkey.core.identity.ClientSecret;
import io.latchkey.core.identity.ClientSecretUse;
import io.latchkey.core.identity.IdentityAuthRepository;
import io.latchkey.core.identity.IdentityLookups;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.identity.UniversalAuthConfig;
import io.latchkey.core.identity.UniversalAuthService;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.ratelimit.AttemptLimiter;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.BatchWrite;
import io.latchkey.core.tx.WritePlan;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Universal-auth login (specs/infisical.md section 3.1, A1): client id and client secret.
 *
 * <p>Steps: the client id names a configuration; a client id under lockout is refused (401, checked
 * before the secret so a locked-out attacker learns nothing more); the secret's keyed hash is looked up
 * (one indexed read; these reads are remembered briefly, see {@link IdentityLookups}) and must belong to
 * that identity, be neither revoked nor expired, be presented from one of {@code clientSecretTrustedIps},
 * and have a use left, which one atomic update counts. Every
 * refusal is the same 401 for the caller; the reason goes to the audit event as its code.
 *
 * <p>Lockout: failures of one client id are counted in the shared attempt counters with the identity's
 * own policy ({@code lockoutThreshold} within {@code lockoutCounterResetSeconds}, locked for
 * {@code lockoutDurationSeconds}); a success resets the count.
 *
 * @since 0.1
 */
public final class UniversalAuthMethod implements IdentityAuthMethod {
    public static final String INVALID = "invalid client id or client secret";
    public static final String LOCKED = "this client id is locked out after repeated failed logins; try again later";

    private final IdentityAuthRepository configs;
    private final IdentityLookups lookups;
    private final KeyedHasher hasher;
    private final AttemptLimiter limiter;
    private final Clock clock;
    private final BatchWrite<ClientSecretUse, Boolean> consumeUses;

    /**
     * @param lookups the reads of a login, remembered briefly ({@link IdentityLookups}); {@code configs} serves
     *                the use count and the reads that must be fresh
     */
    public UniversalAuthMethod(IdentityAuthRepository configs, IdentityLookups lookups, KeyedHasher hasher,
                               AttemptLimiter limiter, Clock clock) {
        this.configs = Require.nonNull(configs, "configs");
        this.consumeUses = configs::consumeClientSecretUses;
        this.lookups = Require.nonNull(lookups, "lookups");
        this.hasher = Require.nonNull(hasher, "hasher");
        this.limiter = Require.nonNull(limiter, "limiter");
        this.clock = Require.nonNull(clock, "clock");
    }

    @Override
    public String name() {
        return AuthMethodNames.UNIVERSAL_AUTH;
    }

    @Override
    public String subjectOf(LoginCredentials credentials) {
        return credentials.optional("clientId");
    }

    @Override
    public Optional<MachineIdentity> claimedIdentity(LoginCredentials credentials) {
        String clientId = credentials.optional("clientId");
        return clientId == null ? Optional.empty()
                : lookups.universalAuthByClientId(clientId).flatMap(c -> lookups.identity(c.identityId()));
    }

    @Override
    public LoginGrant authenticate(LoginCredentials credentials, RequestMeta meta) {
        String clientId = credentials.require("clientId");
        String secret = credentials.require("clientSecret");
        UniversalAuthConfig config = lookups.universalAuthByClientId(clientId)
                .orElseThrow(() -> refused(ErrorCode.CREDENTIALS_INVALID, INVALID));
        String lockKey = "universal-auth:client:" + config.clientId();
        boolean failuresOnRecord = config.lockout().enabled() && checkLockout(lockKey);
        try {
            ClientSecret used = verifySecret(config, secret, meta.sourceIp());
            MachineIdentity identity = lookups.identity(config.identityId())
                    .orElseThrow(() -> refused(ErrorCode.CREDENTIALS_INVALID, INVALID));
            if (failuresOnRecord) {
                limiter.recordSuccess(lockKey);
            }
            Instant now = clock.instant();
            // The use is counted in the transaction that stores the session: one commit per login, and a
            // secret whose last use was taken by a concurrent login issues nothing.
            return new LoginGrant(identity, config.tokens(), Map.of(), used.id(),
                    WritePlan.of(consumeUses, new ClientSecretUse(used.id(), now)).map(counted -> {
                        if (!counted) {
                            throw refusedAtIssue(used);
                        }
                        return null;
                    }));
        } catch (LatchkeyException e) {
            if (config.lockout().enabled() && e.category() == ErrorCategory.UNAUTHENTICATED) {
                limiter.recordFailure(lockKey, config.lockout().policy());
            }
            throw e;
        }
    }

    private boolean checkLockout(String lockKey) {
        try {
            return limiter.check(lockKey);
        } catch (LatchkeyException locked) {
            // The spec answers a lockout with 401, not 429: the vendor's SDK retries 429 for seconds.
            throw refused(ErrorCode.CLIENT_LOCKED_OUT, LOCKED);
        }
    }

    private ClientSecret verifySecret(UniversalAuthConfig config, String secret, String sourceIp) {
        Instant now = clock.instant();
        ClientSecret s = lookups.clientSecretByHash(hasher.hash(UniversalAuthService.HASH_PURPOSE, secret))
                .filter(c -> c.identityId().equals(config.identityId()))
                .orElseThrow(() -> refused(ErrorCode.CREDENTIALS_INVALID, INVALID));
        if (s.revoked()) {
            throw refused(ErrorCode.TOKEN_REVOKED, INVALID);
        }
        if (s.isExpired(now)) {
            throw refused(ErrorCode.TOKEN_EXPIRED, INVALID);
        }
        if (!config.clientSecretTrustedIps().allows(sourceIp)) {
            throw refused(ErrorCode.CREDENTIALS_INVALID, "the client secret may not be used from your address");
        }
        if (s.numUsesLimit() > 0 && s.numUses() >= s.numUsesLimit()) { // rechecked atomically at issue
            throw refused(ErrorCode.USE_LIMIT_REACHED, INVALID);
        }
        return s;
    }

    /**
     * Why the use count refused a secret the (possibly remembered) lookup accepted: read fresh, so the audit
     * event names a revocation or deletion made meanwhile, on any node, rather than a use limit.
     */
    private LatchkeyException refusedAtIssue(ClientSecret used) {
        Optional<ClientSecret> now = configs.findClientSecret(used.identityId(), used.id());
        if (now.isEmpty()) {
            return refused(ErrorCode.CREDENTIALS_INVALID, INVALID);
        }
        return refused(now.get().revoked() ? ErrorCode.TOKEN_REVOKED : ErrorCode.USE_LIMIT_REACHED, INVALID);
    }

    private static LatchkeyException refused(ErrorCode code, String message) {
        return LatchkeyException.unauthenticated(code, message);
    }
}
