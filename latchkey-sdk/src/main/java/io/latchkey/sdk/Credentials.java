package io.latchkey.sdk;

import io.latchkey.sdk.internal.StaticTokenCredentials;
import io.latchkey.sdk.internal.UserLoginCredentials;

/**
 * How a client proves who it is: a provider of access tokens that renews its token itself. The client
 * asks for a token at the start of every call that needs one; a renewing provider obtains a new token
 * when the call starts within 30 seconds of the current token's expiry (see {@link RenewingCredentials}).
 *
 * <p>A credentials object holds its token for one server: give each client its own.
 *
 * @since 0.1
 */
public interface Credentials {

    /** The kind of tokens this provider supplies; resource groups accept some kinds only. */
    AuthMode mode();

    /**
     * A token valid for a call starting now, obtaining or renewing one when needed.
     *
     * @throws LatchkeyApiException when no token can be obtained ({@link UnauthorizedException} or
     *                              {@link NetworkException})
     */
    String accessToken(RenewalContext context);

    /** The server rejected {@code token}: a renewing provider drops it, so the next call renews. */
    default void invalidate(String token) {
    }

    /** No credentials: the client can call unauthenticated endpoints only. */
    static Credentials none() {
        return StaticTokenCredentials.NONE;
    }

    /**
     * A fixed token, for example the instance-admin token printed by bootstrap. Its kind is read from the
     * token's {@code token_use} claim (without verifying it; the server decides).
     *
     * <p>Warning: a static token is never renewed, and a long-lived one (the bootstrap token does not
     * expire) is as powerful as a password for as long as it exists. Prefer {@link #userLogin} or, for
     * machines, a credential that renews a short-lived token. Keep static tokens in a secret store, never
     * in source code or logs.
     *
     * @throws IllegalArgumentException when the token is not a Latchkey token whose kind can be read
     */
    static Credentials staticToken(String token) {
        return StaticTokenCredentials.of(token);
    }

    /** A fixed token of a kind you state (for tokens whose claims cannot be read). Same warning as above. */
    static Credentials staticToken(String token, AuthMode mode) {
        return StaticTokenCredentials.of(token, mode);
    }

    /**
     * Logs in with an email and password ({@code POST /iam/v1/login}) on first use and again whenever the
     * user token is about to expire.
     *
     * <p>The password stays in memory for the life of this object, so that it can log in again; for
     * unattended processes prefer a machine credential.
     */
    static RenewingCredentials userLogin(String email, String password) {
        return new UserLoginCredentials(email, password);
    }
}
