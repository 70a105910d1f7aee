package io.latchkey.core.identity;

import io.latchkey.core.auth.TokenUseCheck;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.AccessToken;
import io.latchkey.core.token.TokenUse;

/**
 * The per-request checks of machine-identity tokens (specs/infisical.md section 3.1, "Token use"): every
 * authenticated request counts against the session's {@code accessTokenNumUsesLimit} and must come from
 * its {@code accessTokenTrustedIps}.
 *
 * <p>Cost: nothing for tokens without restrictions, because the token's signed {@code checks} claim
 * ({@link IdentityTokenClaims}) says whether a check is needed. An address check is one indexed read of the
 * session; a use limit is one atomic conditional update that both counts and refuses, so concurrent
 * requests on several nodes can never exceed the limit. Revocation itself is not checked here: the shared
 * revocation list already did that in memory.
 *
 * @since 0.1
 */
public final class IdentityTokenValidator implements TokenUseCheck {
    private final IdentityRepository identities;

    public IdentityTokenValidator(IdentityRepository identities) {
        this.identities = Require.nonNull(identities, "identities");
    }

    @Override
    public void check(AccessToken token, String sourceIp) {
        if (token.use() != TokenUse.IDENTITY) {
            return;
        }
        if (IdentityTokenClaims.needs(token, IdentityTokenClaims.CHECK_SOURCE_IP)) {
            IdentityAccessToken session = identities.findAccessToken(token.jti()).orElseThrow(IdentityTokenValidator::revoked);
            if (session.revoked()) {
                throw revoked();
            }
            IdentityTokens.checkAddress(session, sourceIp);
        }
        if (IdentityTokenClaims.needs(token, IdentityTokenClaims.CHECK_USES) && !identities.consumeAccessTokenUse(token.jti())) {
            throw LatchkeyException.unauthenticated(ErrorCode.USE_LIMIT_REACHED,
                    "the access token has reached its use limit (accessTokenNumUsesLimit)");
        }
    }

    private static LatchkeyException revoked() {
        return LatchkeyException.unauthenticated(ErrorCode.TOKEN_REVOKED, "the access token has been revoked");
    }
}
