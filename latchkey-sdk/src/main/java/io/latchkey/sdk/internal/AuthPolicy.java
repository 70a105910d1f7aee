package io.latchkey.sdk.internal;

import io.latchkey.sdk.AuthMode;
import io.latchkey.sdk.AuthModeException;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which credentials a resource group accepts. {@link #none()} marks unauthenticated endpoints: the client
 * sends no credentials to them, whatever it holds.
 *
 * @param resource the group's name in error messages
 * @param allowed  the accepted kinds; empty for unauthenticated endpoints
 * @since 0.1
 */
public record AuthPolicy(String resource, Set<AuthMode> allowed) {
    private static final AuthPolicy NONE = new AuthPolicy("public endpoints", Set.of());

    public AuthPolicy {
        Objects.requireNonNull(resource, "resource cannot be null");
        allowed = Set.copyOf(allowed);
    }

    public static AuthPolicy none() {
        return NONE;
    }

    public static AuthPolicy of(String resource, AuthMode first, AuthMode... rest) {
        return new AuthPolicy(resource, EnumSet.of(first, rest));
    }

    public boolean sendsCredentials() {
        return !allowed.isEmpty();
    }

    /** Throws {@link AuthModeException} when {@code current} is not accepted; does nothing for open endpoints. */
    public void check(AuthMode current) {
        if (sendsCredentials() && !allowed.contains(current)) {
            throw new AuthModeException(resource, current, EnumSet.copyOf(allowed));
        }
    }
}
