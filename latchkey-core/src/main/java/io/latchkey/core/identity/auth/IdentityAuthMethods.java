package io.latchkey.core.identity.auth;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.AuthMethodNames;
import io.latchkey.core.support.Require;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry of login methods. The HTTP layer registers one login route per name it holds, and answers
 * the vendor's other method names ({@link AuthMethodNames#NOT_ENABLED}) with "method not enabled on this
 * instance" (400) rather than a 404, so a client learns the method exists but is off here.
 *
 * @since 0.1
 */
public final class IdentityAuthMethods {
    public static final String NOT_ENABLED_MESSAGE = "this auth method is not enabled on this instance";

    private final Map<String, IdentityAuthMethod> methods = new LinkedHashMap<>();

    /** @throws IllegalStateException when two methods share a name or a name is one of the disabled ones */
    public IdentityAuthMethods(List<IdentityAuthMethod> methods) {
        Require.nonNull(methods, "methods");
        for (IdentityAuthMethod m : methods) {
            String name = Require.nonBlank(Require.nonNull(m, "method").name(), "method name");
            if (this.methods.putIfAbsent(name, m) != null) {
                throw new IllegalStateException("two identity auth methods are named " + name);
            }
            if (AuthMethodNames.NOT_ENABLED.contains(name)) {
                throw new IllegalStateException(name + " is listed as not enabled; remove it from NOT_ENABLED first");
            }
        }
    }

    /** Names of the methods that log in, in registration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(methods.keySet());
    }

    /** Names the vendor knows that this instance answers with "not enabled". */
    public List<String> notEnabled() {
        return AuthMethodNames.NOT_ENABLED;
    }

    /**
     * @throws LatchkeyException {@code method_not_enabled} for a known but disabled method,
     *         {@code not_found} for a name nobody knows
     */
    public IdentityAuthMethod require(String name) {
        IdentityAuthMethod m = methods.get(name);
        if (m != null) {
            return m;
        }
        throw notEnabledOrUnknown(name);
    }

    /** The error for a method this instance does not offer. */
    public static LatchkeyException notEnabledOrUnknown(String name) {
        if (AuthMethodNames.NOT_ENABLED.contains(name)) {
            return LatchkeyException.of(ErrorCode.METHOD_NOT_ENABLED, name + ": " + NOT_ENABLED_MESSAGE)
                    .withDetail("authMethod", name);
        }
        return LatchkeyException.notFound("auth method", name);
    }
}
