package io.latchkey.sdk;

import java.util.List;

/**
 * Answer of {@code /readyz}: {@code ready}, or {@code not_ready} with the reasons (database unreachable,
 * not bootstrapped).
 *
 * @since 0.1
 */
public record Readiness(String status, List<String> reasons) {

    public Readiness {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Whether the server can serve requests. */
    public boolean ready() {
        return "ready".equals(status);
    }
}
