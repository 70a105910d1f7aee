package io.latchkey.sdk;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The client's credentials are of a kind this resource group does not accept. Thrown before any network
 * request, so a misconfigured client fails fast and says what to change.
 *
 * @since 0.1
 */
public class AuthModeException extends LatchkeyApiException {
    private static final long serialVersionUID = 1L;
    public static final String CODE = "auth_mode_not_allowed";

    private final String resource;
    private final AuthMode currentMode;
    private final transient Set<AuthMode> allowedModes;

    public AuthModeException(String resource, AuthMode currentMode, Set<AuthMode> allowedModes) {
        super(ApiError.local(CODE, message(resource, currentMode, allowedModes), null));
        this.resource = resource;
        this.currentMode = currentMode;
        this.allowedModes = Collections.unmodifiableSet(allowedModes.isEmpty()
                ? EnumSet.noneOf(AuthMode.class) : EnumSet.copyOf(allowedModes));
    }

    private static String message(String resource, AuthMode current, Set<AuthMode> allowed) {
        String modes = allowed.stream().map(AuthMode::description).collect(Collectors.joining(", "));
        if (current == AuthMode.NONE) {
            return resource + " requires credentials (" + modes + "); this client has none";
        }
        return resource + " does not accept a " + current.description() + "; it accepts: " + modes;
    }

    /** The resource group that refused the call, e.g. {@code users}. */
    public String resource() {
        return resource;
    }

    /** The kind of credentials the client has. */
    public AuthMode currentMode() {
        return currentMode;
    }

    /** The kinds the resource group accepts. */
    public Set<AuthMode> allowedModes() {
        return allowedModes;
    }
}
