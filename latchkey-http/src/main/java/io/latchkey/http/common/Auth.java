package io.latchkey.http.common;

import io.javalin.http.Context;
import io.latchkey.core.auth.Authenticator;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.TokenUse;

import java.util.EnumSet;
import java.util.Set;

/**
 * Authenticates the caller of a native endpoint from its bearer token.
 *
 * @since 0.1
 */
public final class Auth {
    /** Tokens of a person or acting for a person's account: user sessions and PAT sessions. */
    public static final Set<TokenUse> USER = EnumSet.of(TokenUse.USER, TokenUse.PAT);
    /** Tokens bound to one project. */
    public static final Set<TokenUse> PROJECT = EnumSet.of(TokenUse.PROJECT);
    /** Any token that speaks for a principal of an organization (users and machine identities). */
    public static final Set<TokenUse> ORG_MEMBER = EnumSet.of(TokenUse.USER, TokenUse.IDENTITY);
    public static final Set<TokenUse> ANY = EnumSet.allOf(TokenUse.class);
    /** Every token of the native API; access-key session JWTs belong to the access-key dialect. */
    public static final Set<TokenUse> ANY_BUT_ACCESS_KEY = EnumSet.complementOf(EnumSet.of(TokenUse.ACCESS_KEY));

    private final Authenticator authenticator;

    public Auth(Authenticator authenticator) {
        this.authenticator = Require.nonNull(authenticator, "authenticator");
    }

    public Actor actor(Context ctx, Set<TokenUse> accepted) {
        return authenticator.authenticate(Requests.requireBearerToken(ctx), accepted, Requests.clientIp(ctx));
    }
}
