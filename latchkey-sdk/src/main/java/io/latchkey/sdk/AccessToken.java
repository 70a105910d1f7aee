package io.latchkey.sdk;

import io.latchkey.sdk.internal.JwtParts;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * An access token a credential obtained, with the instant it stops being valid.
 *
 * @param value     the token; secret
 * @param expiresAt when it expires by the client's clock, or null when it does not expire
 * @since 0.1
 */
public record AccessToken(String value, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value, "value cannot be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("value cannot be blank");
        }
    }

    /**
     * A token from a response that gave its lifetime in seconds ({@code expiresIn}). The lifetime is
     * counted from now on the client's clock, which keeps renewal correct when the client's clock differs
     * from the server's. Without a positive {@code expiresIn}, the JWT's {@code exp} claim is read (not
     * verified); without either, the token is taken as non-expiring.
     */
    public static AccessToken of(String value, long expiresInSeconds, Clock clock) {
        Objects.requireNonNull(clock, "clock cannot be null");
        if (expiresInSeconds > 0) {
            return new AccessToken(value, clock.instant().plusSeconds(expiresInSeconds));
        }
        return new AccessToken(value, jwtExpiry(value));
    }

    private static Instant jwtExpiry(String value) {
        try {
            Object exp = JwtParts.parse(value).payload().get("exp");
            return exp instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
        } catch (IllegalArgumentException notAJwt) {
            return null;
        }
    }

    @Override
    public String toString() {
        // INVARIANT: the token value never appears in logs or messages.
        return "AccessToken[value=***, expiresAt=" + expiresAt + "]";
    }
}
