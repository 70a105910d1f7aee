package io.latchkey.core.auth;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.AccessToken;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.token.TokenUse;

import java.util.Set;

/**
 * Turns a presented bearer token into an {@link Actor}: verifies it (signature, expiry, kind, revocation),
 * runs the {@link TokenUseCheck} (use counts and trusted addresses of machine-identity tokens), and checks
 * that its principal still exists and is active.
 *
 * @since 0.1
 */
public final class Authenticator {
    private final TokenService tokens;
    private final PrincipalDirectory directory;
    private final TokenUseCheck useCheck;

    public Authenticator(TokenService tokens, PrincipalDirectory directory) {
        this(tokens, directory, TokenUseCheck.NONE);
    }

    /** @param useCheck runs on every authenticated request (see {@link TokenUseCheck}) */
    public Authenticator(TokenService tokens, PrincipalDirectory directory, TokenUseCheck useCheck) {
        this.tokens = Require.nonNull(tokens, "tokens");
        this.directory = Require.nonNull(directory, "directory");
        this.useCheck = Require.nonNull(useCheck, "useCheck");
    }

    /** Like {@link #authenticate(String, Set, String)} for a caller whose address is unknown. */
    public Actor authenticate(String bearer, Set<TokenUse> accepted) {
        return authenticate(bearer, accepted, null);
    }

    /** @param sourceIp the caller's address, for tokens bound to trusted address ranges */
    public Actor authenticate(String bearer, Set<TokenUse> accepted, String sourceIp) {
        AccessToken token = tokens.verifyAccessToken(bearer, accepted);
        PrincipalInfo info = directory.find(token.principalType(), token.subject()).orElse(null);
        if (info == null || !info.active()) {
            throw LatchkeyException.unauthenticated(ErrorCode.TOKEN_REVOKED, "the token's principal no longer exists or is disabled");
        }
        // Last, because counting a use writes: a request refused for another reason does not consume one.
        useCheck.check(token, sourceIp);
        String orgId = token.orgId() != null ? token.orgId() : info.orgId();
        return new Actor(token.principalType(), token.subject(), orgId, token, info.instanceAdmin());
    }
}
