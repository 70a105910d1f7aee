package io.latchkey.policy;

/**
 * The request attributes a condition can read. Key names compare case-insensitively ({@code LK:SOURCEIP} is
 * {@code lk:SourceIp}); the canonical spelling is the one reported in errors.
 */
enum ConditionKey {
    /** {@link io.latchkey.core.policy.AuthzRequest#sourceIp()}: the caller's address. */
    SOURCE_IP("lk:SourceIp"),
    /** {@link io.latchkey.core.policy.AuthzRequest#time()}: the time of the request. */
    CURRENT_TIME("lk:CurrentTime");

    private final String wire;

    ConditionKey(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    /** The key named {@code name} ignoring case, or null. Compile-time only. */
    static ConditionKey fromWire(String name) {
        for (ConditionKey key : values()) {
            if (key.wire.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }
}
