package io.latchkey.sdk.internal;

import io.latchkey.sdk.AccessKeySession;
import io.latchkey.sdk.AccessToken;
import io.latchkey.sdk.ApiError;
import io.latchkey.sdk.AuthMode;
import io.latchkey.sdk.ExchangeOptions;
import io.latchkey.sdk.RenewalContext;
import io.latchkey.sdk.RenewingCredentials;
import io.latchkey.sdk.UnauthorizedException;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An access key, exchanged for a session JWT ({@code POST /v1/auth/accesskey/exchange} with
 * {@code Authorization: Bearer <projectId>:<accessKey>}) whenever one is needed.
 *
 * <p>The session's lifetime is read from its own {@code exp - iat} (both set by the server) and counted from
 * the client's clock, so a client whose clock differs from the server's still renews on time.
 *
 * @since 0.1
 */
public final class AccessKeyCredentials extends RenewingCredentials {
    public static final String EXCHANGE_PATH = "/v1/auth/accesskey/exchange";
    /** A project id of the access-key dialect: {@code P} followed by 27 letters or digits (spec section 1). */
    public static final Pattern PROJECT_ID = Pattern.compile("P[0-9A-Za-z]{27}");

    private final String projectId;
    private final String accessKey;
    private final ExchangeOptions options;

    public AccessKeyCredentials(String projectId, String accessKey, ExchangeOptions options) {
        super(AuthMode.ACCESS_KEY);
        this.projectId = requireProjectId(projectId);
        Objects.requireNonNull(accessKey, "accessKey cannot be null");
        if (accessKey.isBlank() || accessKey.contains(":")) {
            throw new IllegalArgumentException("accessKey must be the key's value as shown at creation (it never contains ':')");
        }
        this.accessKey = accessKey.trim();
        this.options = Objects.requireNonNull(options, "options cannot be null");
    }

    /** Checks the project id form, so that a wrong one fails here rather than as a confusing 401. */
    public static String requireProjectId(String projectId) {
        Objects.requireNonNull(projectId, "projectId cannot be null");
        if (!PROJECT_ID.matcher(projectId).matches()) {
            throw new IllegalArgumentException("projectId must be P followed by 27 letters or digits");
        }
        return projectId;
    }

    @Override
    protected AccessToken obtain(RenewalContext context) {
        AccessKeySession s = context.postJson(EXCHANGE_PATH, options.body(), projectId + ":" + accessKey, AccessKeySession.class);
        if (s == null || s.sessionJwt() == null || s.sessionJwt().isBlank()) {
            throw new UnauthorizedException(new ApiError(200, null, UnauthorizedException.RENEWAL_FAILED, null,
                    "the exchange response carried no session JWT", List.of()));
        }
        return AccessToken.of(s.sessionJwt(), lifetimeSeconds(s.sessionJwt()), context.clock());
    }

    private static long lifetimeSeconds(String jwt) {
        try {
            var claims = JwtParts.parse(jwt).payload();
            if (claims.get("exp") instanceof Number exp && claims.get("iat") instanceof Number iat) {
                return Math.max(0, exp.longValue() - iat.longValue());
            }
        } catch (IllegalArgumentException notAJwt) {
            // AccessToken.of falls back to no expiry information
        }
        return 0;
    }

    @Override
    public String toString() {
        return "AccessKeyCredentials[projectId=" + projectId + ", accessKey=***]";
    }
}
