package io.latchkey.sdk.internal;

import io.latchkey.sdk.AccessToken;
import io.latchkey.sdk.ApiError;
import io.latchkey.sdk.AuthMode;
import io.latchkey.sdk.LoginResponse;
import io.latchkey.sdk.RenewalContext;
import io.latchkey.sdk.RenewingCredentials;
import io.latchkey.sdk.UnauthorizedException;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Email and password, logged in through {@code POST /iam/v1/login} whenever a user token is needed.
 *
 * @since 0.1
 */
public final class UserLoginCredentials extends RenewingCredentials {
    public static final String LOGIN_PATH = "/iam/v1/login";

    private final String email;
    private final String password;

    public UserLoginCredentials(String email, String password) {
        super(AuthMode.USER);
        this.email = Objects.requireNonNull(email, "email cannot be null");
        this.password = Objects.requireNonNull(password, "password cannot be null");
    }

    @Override
    protected AccessToken obtain(RenewalContext context) {
        LoginResponse r = context.postJson(LOGIN_PATH, Map.of("email", email, "password", password), LoginResponse.class);
        if (r == null || r.accessToken() == null || r.accessToken().isBlank()) {
            throw new UnauthorizedException(new ApiError(200, null, UnauthorizedException.RENEWAL_FAILED, null,
                    "the login response carried no access token", List.of()));
        }
        return AccessToken.of(r.accessToken(), r.expiresIn(), context.clock());
    }

    @Override
    public String toString() {
        return "UserLoginCredentials[email=" + email + "]";
    }
}
