package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.UserLoginCredentials;

import java.util.Map;
import java.util.Objects;

/**
 * One-off authentication calls, reached through {@link LatchkeyClient#auth()}. To stay logged in, give
 * the client {@link Credentials#userLogin(String, String)} instead: it logs in again before the token
 * expires.
 *
 * @since 0.1
 */
public final class AuthApi {
    private final ApiExecutor executor;

    AuthApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Logs a user in ({@code POST /iam/v1/login}) and returns the user token.
     *
     * @throws UnauthorizedException when the email or password is wrong
     * @throws RateLimitException    after too many failed attempts on the account or from this address
     */
    public LoginResponse login(String email, String password) {
        Objects.requireNonNull(email, "email cannot be null");
        Objects.requireNonNull(password, "password cannot be null");
        return executor.execute(ApiCall.post(UserLoginCredentials.LOGIN_PATH, Map.of("email", email, "password", password),
                LoginResponse.class, AuthPolicy.none()));
    }

    /**
     * Revokes the token this client presents ({@code POST /iam/v1/logout}): a user, personal-access-token,
     * project-scoped or machine identity token stops working on every node at once, before it expires.
     *
     * @throws UnauthorizedException when the token is already expired or revoked
     */
    public void logout() {
        executor.execute(ApiCall.post(LOGOUT_PATH, null, Void.class, LOGOUT_AUTH));
    }

    private static final String LOGOUT_PATH = "/iam/v1/logout";
    private static final AuthPolicy LOGOUT_AUTH = AuthPolicy.of("logout", AuthMode.USER, AuthMode.PAT,
            AuthMode.PROJECT, AuthMode.IDENTITY);
}
