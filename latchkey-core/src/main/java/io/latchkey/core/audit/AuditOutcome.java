package io.latchkey.core.audit;

import java.util.Locale;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditOutcome fromWire(String s) {
        return s == null ? null : valueOf(s.toUpperCase(Locale.ROOT));
    }
}
