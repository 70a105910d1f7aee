package io.latchkey.sdk.internal;

import io.latchkey.sdk.AccessToken;
import io.latchkey.sdk.ApiError;
import io.latchkey.sdk.AuthMode;
import io.latchkey.sdk.IdentityLogin;
import io.latchkey.sdk.RenewalContext;
import io.latchkey.sdk.RenewingCredentials;
import io.latchkey.sdk.UnauthorizedException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A machine identity's client id and client secret (universal auth, specs/infisical.md A1/A2), obtaining
 * identity access tokens by itself.
 *
 * <p>When the current token is about to expire it is first <em>renewed</em> ({@code POST
 * /api/v1/auth/token/renew}), which keeps the session and spends none of the client secret's uses; only
 * when there is nothing to renew, the token has expired, renewal would pass the session's max TTL or the
 * server refuses the renewal (revoked, max TTL reached) does it log in again with the secret. A refused
 * login is final for that call ({@link UnauthorizedException}); the next call tries once more.
 *
 * <p>{@link #obtain} runs on one thread at a time ({@link RenewingCredentials}), so the session state here
 * needs no further locking.
 *
 * @since 0.1
 */
public final class UniversalAuthCredentials extends RenewingCredentials {
    public static final String LOGIN_PATH = "/api/v1/auth/universal-auth/login";
    public static final String RENEW_PATH = "/api/v1/auth/token/renew";

    private final String clientId;
    private final String clientSecret;
    private volatile Session session; // written by obtain() only

    /**
     * The token last obtained, the lifetime a renewal gives ({@code ttlSeconds}) and the end of the session's
     * max TTL (null: no limit known).
     */
    private record Session(AccessToken token, long ttlSeconds, Instant renewableUntil) {
    }

    public UniversalAuthCredentials(String clientId, String clientSecret) {
        super(AuthMode.IDENTITY);
        this.clientId = requireText(clientId, "clientId");
        this.clientSecret = requireText(clientSecret, "clientSecret");
    }

    private static String requireText(String v, String name) {
        Objects.requireNonNull(v, name + " cannot be null");
        if (v.isBlank()) {
            throw new IllegalArgumentException(name + " cannot be blank");
        }
        return v.trim();
    }

    @Override
    protected AccessToken obtain(RenewalContext context) {
        Session s = session;
        Instant now = context.clock().instant();
        if (s != null && renewable(s, now)) {
            try {
                return remember(context, context.postJson(RENEW_PATH, Map.of("accessToken", s.token().value()),
                        IdentityLogin.class), s.ttlSeconds(), s.renewableUntil());
            } catch (UnauthorizedException refused) {
                // revoked, expired or at its max TTL: fall through to a fresh login
            }
        }
        IdentityLogin login = context.postJson(LOGIN_PATH, Map.of("clientId", clientId, "clientSecret", clientSecret),
                IdentityLogin.class);
        Instant until = login != null && login.accessTokenMaxTtl() > 0 ? now.plusSeconds(login.accessTokenMaxTtl()) : null;
        return remember(context, login, login == null ? 0 : login.expiresIn(), until);
    }

    private static boolean renewable(Session s, Instant now) {
        Instant exp = s.token().expiresAt();
        if (exp == null || !now.isBefore(exp)) {
            return false;
        }
        // A renewal that would pass the session's max TTL is refused by the server (with TTL equal to max TTL,
        // the default, every renewal is): log in instead of spending a request on a certain refusal.
        return s.renewableUntil() == null || !now.plusSeconds(s.ttlSeconds()).isAfter(s.renewableUntil());
    }

    private AccessToken remember(RenewalContext context, IdentityLogin r, long ttlSeconds, Instant renewableUntil) {
        if (r == null || r.accessToken() == null || r.accessToken().isBlank()) {
            throw new UnauthorizedException(new ApiError(200, null, UnauthorizedException.RENEWAL_FAILED, null,
                    "the universal-auth answer carried no access token", List.of()));
        }
        AccessToken token = AccessToken.of(r.accessToken(), r.expiresIn(), context.clock());
        session = new Session(token, ttlSeconds, renewableUntil);
        return token;
    }

    /** The client id (not secret). */
    public String clientId() {
        return clientId;
    }

    @Override
    public String toString() {
        // INVARIANT: the client secret never appears in logs or messages.
        return "UniversalAuthCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
