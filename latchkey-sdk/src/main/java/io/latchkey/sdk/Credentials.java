package io.latchkey.sdk;

import io.latchkey.sdk.internal.AccessKeyCredentials;
import io.latchkey.sdk.internal.StaticTokenCredentials;
import io.latchkey.sdk.internal.UniversalAuthCredentials;
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

    /**
     * Exchanges an access key of a project for a session JWT ({@code POST /v1/auth/accesskey/exchange}) on
     * first use and again whenever the session is about to expire. The client's
     * {@link LatchkeyClient#accessToken()} hands the current session to your own calls.
     *
     * <p>The key's value stays in memory for the life of this object. A deactivated, deleted, expired or
     * rotated key makes the next renewal fail with {@link UnauthorizedException}.
     *
     * @param projectId the project ({@code P} followed by 27 letters or digits)
     * @param accessKey the key's value, as shown once at creation or rotation
     * @since 0.1
     */
    static RenewingCredentials accessKey(String projectId, String accessKey) {
        return new AccessKeyCredentials(projectId, accessKey, ExchangeOptions.NONE);
    }

    /** As {@link #accessKey(String, String)}, with claims added under {@code nsec} and a selected tenant. */
    static RenewingCredentials accessKey(String projectId, String accessKey, ExchangeOptions options) {
        return new AccessKeyCredentials(projectId, accessKey, options);
    }

    /**
     * A machine identity's universal-auth client id and client secret. Logs in on first use
     * ({@code POST /api/v1/auth/universal-auth/login}); when a call starts within 30 seconds of the access
     * token's expiry it renews the session ({@code POST /api/v1/auth/token/renew}, which spends none of the
     * client secret's uses) or, when the session cannot be renewed, logs in again. Concurrent calls share
     * one renewal; a refused login fails the call with {@link UnauthorizedException} and is not retried.
     *
     * <p>The client secret stays in memory for the life of this object. Read it from a secret store or an
     * environment variable, never from source code.
     *
     * @since 0.1
     */
    static RenewingCredentials universalAuth(String clientId, String clientSecret) {
        return new UniversalAuthCredentials(clientId, clientSecret);
    }

    /**
     * A machine identity access token you already hold (from token auth, bootstrap or a login made
     * elsewhere), sent as is and never renewed. Same warning as {@link #staticToken(String)}.
     *
     * @since 0.1
     */
    static Credentials identityToken(String token) {
        return StaticTokenCredentials.of(token, AuthMode.IDENTITY);
    }

    /**
     * A personal access token's credentials for one project: signs a client assertion with the token's
     * private key, exchanges it at the token endpoint, and gets a project-scoped token from the STS,
     * again whenever that token is about to expire. See {@link PersonalAccessTokenCredentials}.
     */
    static PersonalAccessTokenCredentials.Builder personalAccessToken() {
        return PersonalAccessTokenCredentials.builder();
    }
}
