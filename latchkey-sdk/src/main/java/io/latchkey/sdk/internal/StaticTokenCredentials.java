package io.latchkey.sdk.internal;

import io.latchkey.sdk.AuthMode;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.RenewalContext;

import java.util.Objects;

/**
 * A token that never changes (or no token at all, for {@link #NONE}).
 *
 * @since 0.1
 */
public final class StaticTokenCredentials implements Credentials {
    public static final StaticTokenCredentials NONE = new StaticTokenCredentials(null, AuthMode.NONE);

    private final String token;
    private final AuthMode mode;

    private StaticTokenCredentials(String token, AuthMode mode) {
        this.token = token;
        this.mode = mode;
    }

    public static StaticTokenCredentials of(String token) {
        requireToken(token);
        AuthMode mode;
        try {
            Object use = JwtParts.parse(token).payload().get("token_use");
            mode = use instanceof String s ? AuthMode.fromTokenUse(s) : null;
        } catch (IllegalArgumentException notAJwt) {
            mode = null;
        }
        if (mode == null) {
            throw new IllegalArgumentException("cannot tell what kind of token this is (it has no token_use claim"
                    + " Latchkey knows): state it with Credentials.staticToken(token, mode)");
        }
        return new StaticTokenCredentials(token.trim(), mode);
    }

    public static StaticTokenCredentials of(String token, AuthMode mode) {
        requireToken(token);
        Objects.requireNonNull(mode, "mode cannot be null");
        if (mode == AuthMode.NONE) {
            throw new IllegalArgumentException("mode cannot be NONE for a token; use Credentials.none()");
        }
        return new StaticTokenCredentials(token.trim(), mode);
    }

    private static void requireToken(String token) {
        Objects.requireNonNull(token, "token cannot be null");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token cannot be blank");
        }
    }

    @Override
    public AuthMode mode() {
        return mode;
    }

    @Override
    public String accessToken(RenewalContext context) {
        if (token == null) {
            throw new IllegalStateException("no credentials: the client checks the auth mode before asking for a token");
        }
        return token;
    }

    @Override
    public String toString() {
        return "StaticTokenCredentials[mode=" + mode + "]";
    }
}
