package io.latchkey.core.identity;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.AccessToken;
import io.latchkey.core.token.IssuedToken;
import io.latchkey.core.token.RevocationList;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.token.TokenUse;
import io.latchkey.core.tx.BatchWrite;
import io.latchkey.core.tx.Transactions;
import io.latchkey.core.tx.WritePlan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Machine-identity access tokens: issue, renew and revoke (specs/infisical.md section 3.1, A1-A3).
 *
 * <p>A token is a Latchkey JWT (ES256, {@code token_use=identity}) whose {@code jti} names a stored session
 * ({@link IdentityAccessToken}). The session holds what a JWT cannot: use counts, renewal state, revocation.
 *
 * <p><b>Renewal (decision).</b> The vendor's server extends the presented string's lifetime and returns it
 * unchanged. A JWT's {@code exp} is signed, so doing that would make every offline verifier believe an
 * earlier expiry than the server enforces, or (with a far {@code exp}) a later one. Latchkey therefore
 * renews by minting a <em>new</em> JWT for the <em>same</em> session: same {@code jti}, same claims, a new
 * {@code exp} of now + TTL (a periodic token: now + period), never past the session's creation + max TTL
 * (a renewal that would pass it is refused with 401, as the spec says). The presented token is not
 * invalidated (spec section 10): it keeps working until its own {@code exp}. Each JWT's {@code exp} is
 * therefore the truth about that string, for us and for every offline verifier; both strings share the
 * session, so they share its use count, and revoking either (A3) or the identity revokes both at once on
 * every node. The vendor's SDK accepts whatever token renew returns, so clients see no difference.
 * Non-expiring tokens (TTL 0) have nothing to extend: renew returns them unchanged.
 *
 * @since 0.1
 */
public final class IdentityTokens {
    private static final Set<TokenUse> IDENTITY_ONLY = EnumSet.of(TokenUse.IDENTITY);

    private final Transactions transactions;
    private final IdentityRepository identities;
    private final TokenService tokens;
    private final RevocationList revocations;
    private final AuditLog audit;
    private final Clock clock;
    private final BatchWrite<IdentityAccessToken, Boolean> insertSessions;

    public IdentityTokens(Transactions transactions, IdentityRepository identities, TokenService tokens,
                          RevocationList revocations, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.identities = Require.nonNull(identities, "identities");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.revocations = Require.nonNull(revocations, "revocations");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
        this.insertSessions = identities::insertAccessTokens;
    }

    /**
     * A token and its session. {@code token.value()} is a credential: return it to its owner, never log it.
     *
     * @param expiresIn seconds the token lives (0 = non-expiring)
     * @param maxTtl the {@code accessTokenMaxTTL} a response reports
     */
    public record Issued(IssuedToken token, IdentityAccessToken session, long expiresIn, long maxTtl) {
    }

    /** Starts a session and mints its first token; joins the caller's transaction when there is one. */
    public Issued issue(MachineIdentity identity, String authMethod, AccessTokenSettings settings, String name,
                        Map<String, String> metadata, String clientSecretId) {
        Prepared p = prepare(identity, authMethod, settings, name, metadata, clientSecretId);
        transactions.run(() -> store(p));
        return p.issued();
    }

    /** A session token signed but not stored yet; {@link #store} makes it count. */
    public record Prepared(Issued issued) {
    }

    /**
     * Signs a session token without storing its session, for a caller that stores it in a transaction of its
     * own choosing (a login stores it in the audit writer's group commit with its event).
     */
    public Prepared prepare(MachineIdentity identity, String authMethod, AccessTokenSettings settings, String name,
                            Map<String, String> metadata, String clientSecretId) {
        Require.nonNull(identity, "identity");
        Require.nonBlank(authMethod, "authMethod");
        Require.nonNull(settings, "settings");
        String sessionId = Ids.timeOrderedUuid();
        long lifetime = settings.issuedLifetime();
        IssuedToken token = mint(identity.id(), identity.orgId(), sessionId, lifetime,
                IdentityTokenClaims.of(authMethod, settings, metadata));
        IdentityAccessToken session = new IdentityAccessToken(sessionId, identity.id(), authMethod, name,
                settings.ttl(), settings.maxTtl(), 0, settings.numUsesLimit(), false, settings.trustedIps().texts(),
                token.issuedAt(), token.issuedAt(), token.expiresAt(), null, settings.period(), clientSecretId);
        return new Prepared(new Issued(token, session, lifetime, settings.reportedMaxTtl()));
    }

    /** Stores a prepared session; call inside a transaction. */
    public void store(Prepared prepared) {
        identities.insertAccessToken(prepared.issued().session());
    }

    /** Stores a prepared session as a plan, for a group commit to batch with other sessions' inserts. */
    public WritePlan<Issued> storing(Prepared prepared) {
        return WritePlan.of(insertSessions, prepared.issued().session()).map(inserted -> prepared.issued());
    }

    /**
     * A2: renews the session of {@code compact} (see the class comment for what that means here).
     *
     * @throws LatchkeyException 401 when the token is invalid, expired, revoked or renewal would pass the
     *         max TTL; 400 when its use limit is reached; 403 from an address it may not be used from
     */
    public Issued renew(String compact, RequestMeta meta) {
        AccessToken presented = tokens.verifyAccessToken(compact, IDENTITY_ONLY);
        IdentityAccessToken session = liveSession(presented);
        if (session.usesExhausted()) {
            throw LatchkeyException.of(ErrorCode.INVALID_REQUEST, "the access token has reached its use limit and cannot be renewed");
        }
        checkAddress(session, meta.sourceIp());
        if (session.accessTokenTtl() == 0 && session.accessTokenPeriod() == 0) {
            IssuedToken same = new IssuedToken(compact, presented.jti(), presented.issuedAt(), null, null);
            return new Issued(same, session, 0, session.accessTokenMaxTtl());
        }
        long lifetime = session.accessTokenPeriod() > 0 ? session.accessTokenPeriod() : session.accessTokenTtl();
        Instant now = clock.instant();
        if (session.accessTokenPeriod() == 0 && session.accessTokenMaxTtl() > 0
                && now.plusSeconds(lifetime).isAfter(session.createdAt().plusSeconds(session.accessTokenMaxTtl()))) {
            throw LatchkeyException.unauthenticated(ErrorCode.TOKEN_EXPIRED,
                    "the access token cannot be renewed past its accessTokenMaxTTL; log in again");
        }
        IssuedToken token = mint(presented.subject(), presented.orgId(), session.id(), lifetime,
                IdentityTokenClaims.carriedOver(presented));
        transactions.run(() -> {
            identities.renewAccessToken(session.id(), latest(session.expiresAt(), token.expiresAt()), now);
            audit.record(AuditRecord.builder("identity.token.renew", AuditOutcome.SUCCESS).meta(meta)
                    .org(presented.orgId()).actor(PrincipalType.IDENTITY.wire(), presented.subject())
                    .target("identity_access_token", session.id()));
        });
        long maxTtl = session.accessTokenPeriod() > 0 ? session.accessTokenPeriod() : session.accessTokenMaxTtl();
        return new Issued(token, session, lifetime, maxTtl);
    }

    /** A3: revokes the session of {@code compact}, and with it every token minted for it, on every node. */
    public void revoke(String compact, RequestMeta meta) {
        AccessToken presented = tokens.verifyAccessToken(compact, IDENTITY_ONLY);
        IdentityAccessToken session = liveSession(presented);
        revokeSession(session, presented.orgId(), meta, PrincipalType.IDENTITY.wire(), presented.subject());
    }

    /** Revokes one session on behalf of an actor (token auth's revoke by id). */
    public void revokeSession(IdentityAccessToken session, String orgId, RequestMeta meta, String actorType,
                              String actorId) {
        transactions.run(() -> {
            identities.revokeAccessToken(session.id(), clock.instant());
            revocations.revokeToken(session.id(), session.expiresAt());
            audit.record(AuditRecord.builder("identity.token.revoke", AuditOutcome.SUCCESS).meta(meta).org(orgId)
                    .actor(actorType, actorId).target("identity_access_token", session.id()));
        });
    }

    /**
     * Revokes every live session of an identity obtained through {@code authMethod} (when the method is
     * detached). Runs in the caller's transaction.
     */
    public int revokeAllOf(String identityId, String authMethod) {
        List<IdentityAccessToken> revoked = identities.revokeAccessTokens(identityId, authMethod, clock.instant());
        for (IdentityAccessToken t : revoked) {
            revocations.revokeToken(t.id(), t.expiresAt());
        }
        return revoked.size();
    }

    private IdentityAccessToken liveSession(AccessToken presented) {
        IdentityAccessToken session = identities.findAccessToken(presented.jti()).orElse(null);
        if (session == null || session.revoked() || !session.identityId().equals(presented.subject())) {
            throw LatchkeyException.unauthenticated(ErrorCode.TOKEN_REVOKED, "the access token has been revoked");
        }
        return session;
    }

    /** @throws LatchkeyException 403 when the session is bound to ranges that do not hold {@code address} */
    static void checkAddress(IdentityAccessToken session, String address) {
        if (session.trustedIps().isEmpty()) {
            return;
        }
        TrustedIps ips = TrustedIps.parse(session.trustedIps(), "accessTokenTrustedIps");
        if (!ips.allows(address)) {
            throw LatchkeyException.of(ErrorCode.SOURCE_ADDRESS_NOT_ALLOWED,
                    "this access token may not be used from your address");
        }
    }

    private IssuedToken mint(String identityId, String orgId, String sessionId, long lifetime, Map<String, Object> claims) {
        return tokens.issue(TokenService.request(TokenUse.IDENTITY, PrincipalType.IDENTITY, identityId)
                .orgId(orgId).jti(sessionId).ttl(Duration.ofSeconds(lifetime)).extraClaims(claims));
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return null;
        }
        return a.isAfter(b) ? a : b;
    }
}
