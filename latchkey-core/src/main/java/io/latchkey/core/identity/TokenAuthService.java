package io.latchkey.core.identity;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgPermission;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Token auth (specs/infisical.md section 3.2): an administrator attaches it to an identity and mints
 * access tokens for it directly, without a login. Tokens are ordinary identity sessions
 * ({@link IdentityTokens}): renewed and revoked through A2/A3 as well, or revoked here by id. Detaching
 * token auth revokes every token it minted.
 *
 * @since 0.1
 */
public final class TokenAuthService {
    public static final int MAX_TOKEN_NAME = 64;

    private final Transactions transactions;
    private final IdentityRepository identities;
    private final IdentityAccess access;
    private final IdentityTokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    public TokenAuthService(Transactions transactions, IdentityRepository identities, IdentityAccess access,
                            IdentityTokens tokens, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.identities = Require.nonNull(identities, "identities");
        this.access = Require.nonNull(access, "access");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** A token of token auth with the identity it speaks for. */
    public record TokenRecord(MachineIdentity identity, IdentityAccessToken token) {
    }

    public TokenAuthConfig attach(Actor actor, String identityId, AccessTokenSettings.Changes changes, RequestMeta meta) {
        MachineIdentity identity = manage(actor, identityId, "attach token auth");
        Instant now = clock.instant();
        TokenAuthConfig config = TokenAuthConfig.of(identity.id(), settings(AccessTokenSettings.DEFAULTS, changes), now, now);
        transactions.run(() -> {
            if (!identities.insertTokenAuthIfAbsent(config)) {
                throw LatchkeyException.of(ErrorCode.ALREADY_EXISTS, "token auth is already attached to the identity");
            }
            record(actor, identity, "identity.token_auth.attach", meta, null);
        });
        return config;
    }

    public TokenAuthConfig get(Actor actor, String identityId) {
        return require(access.require(actor, identityId, OrgPermission.IDENTITIES_READ, "read identities"));
    }

    public TokenAuthConfig update(Actor actor, String identityId, AccessTokenSettings.Changes changes, RequestMeta meta) {
        MachineIdentity identity = manage(actor, identityId, "configure token auth");
        TokenAuthConfig current = require(identity);
        TokenAuthConfig updated = TokenAuthConfig.of(identity.id(), settings(current.settings(), changes),
                current.createdAt(), clock.instant());
        transactions.run(() -> {
            identities.updateTokenAuth(updated);
            record(actor, identity, "identity.token_auth.update", meta, null);
        });
        return updated;
    }

    /** Detaches token auth and revokes every token it minted. */
    public TokenAuthConfig revoke(Actor actor, String identityId, RequestMeta meta) {
        MachineIdentity identity = manage(actor, identityId, "revoke token auth");
        TokenAuthConfig current = require(identity);
        transactions.run(() -> {
            identities.deleteTokenAuth(identity.id());
            tokens.revokeAllOf(identity.id(), AuthMethodNames.TOKEN_AUTH);
            record(actor, identity, "identity.token_auth.revoke", meta, null);
        });
        return current;
    }

    /** Mints a token with the identity's token-auth settings. */
    public IdentityTokens.Issued createToken(Actor actor, String identityId, String name, RequestMeta meta) {
        MachineIdentity identity = manage(actor, identityId, "create tokens");
        TokenAuthConfig config = require(identity);
        String n = Validate.optionalName(name, "name", MAX_TOKEN_NAME);
        return transactions.inTransaction(() -> {
            IdentityTokens.Issued issued = tokens.issue(identity, AuthMethodNames.TOKEN_AUTH, config.settings(), n, Map.of(), null);
            record(actor, identity, "identity.token_auth.token.create", meta, issued.session().id());
            return issued;
        });
    }

    public List<IdentityAccessToken> listTokens(Actor actor, String identityId, int offset, int limit) {
        MachineIdentity identity = access.require(actor, identityId, OrgPermission.IDENTITIES_READ, "read identities");
        return identities.findAccessTokens(identity.id(), AuthMethodNames.TOKEN_AUTH, offset, limit);
    }

    public TokenRecord getToken(Actor actor, String tokenId) {
        return token(actor, tokenId, OrgPermission.IDENTITIES_READ, "read identities");
    }

    public TokenRecord renameToken(Actor actor, String tokenId, String name, RequestMeta meta) {
        TokenRecord t = token(actor, tokenId, OrgPermission.IDENTITIES_MANAGE, "rename tokens");
        String n = Validate.optionalName(name, "name", MAX_TOKEN_NAME);
        transactions.run(() -> {
            identities.renameAccessToken(t.token().id(), n, clock.instant());
            record(actor, t.identity(), "identity.token_auth.token.update", meta, t.token().id());
        });
        return new TokenRecord(t.identity(), identities.findAccessToken(t.token().id()).orElseThrow());
    }

    public TokenRecord revokeToken(Actor actor, String tokenId, RequestMeta meta) {
        TokenRecord t = token(actor, tokenId, OrgPermission.IDENTITIES_MANAGE, "revoke tokens");
        tokens.revokeSession(t.token(), t.identity().orgId(), meta, actor.type().wire(), actor.id());
        return new TokenRecord(t.identity(), identities.findAccessToken(t.token().id()).orElseThrow());
    }

    private TokenRecord token(Actor actor, String tokenId, OrgPermission permission, String what) {
        IdentityAccessToken token = tokenId == null ? null : identities.findAccessToken(tokenId).orElse(null);
        if (token == null || !AuthMethodNames.TOKEN_AUTH.equals(token.authMethod())) {
            throw LatchkeyException.notFound("token", tokenId);
        }
        try {
            return new TokenRecord(access.require(actor, token.identityId(), permission, what), token);
        } catch (LatchkeyException e) {
            // Another organization's token is "not found", never "belongs to an identity you cannot see".
            throw e.code() == ErrorCode.NOT_FOUND ? LatchkeyException.notFound("token", tokenId) : e;
        }
    }

    private static AccessTokenSettings settings(AccessTokenSettings current, AccessTokenSettings.Changes requested) {
        AccessTokenSettings.Changes changes = requested == null ? AccessTokenSettings.Changes.NONE : requested;
        if (changes.period() != null) {
            throw LatchkeyException.invalidField("accessTokenPeriod", "token auth has no periodic tokens");
        }
        return AccessTokenSettings.apply(current, changes);
    }

    private MachineIdentity manage(Actor actor, String identityId, String what) {
        return access.require(actor, identityId, OrgPermission.IDENTITIES_MANAGE, what);
    }

    private TokenAuthConfig require(MachineIdentity identity) {
        return identities.findTokenAuth(identity.id())
                .orElseThrow(() -> LatchkeyException.notFound("token auth of the identity", identity.id()));
    }

    private void record(Actor actor, MachineIdentity identity, String action, RequestMeta meta, String tokenId) {
        audit.record(AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(identity.orgId())
                .target("identity", identity.id()).detail("tokenId", tokenId));
    }
}
