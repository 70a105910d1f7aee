package io.latchkey.core.identity;

import java.time.Instant;
import java.util.Map;

/**
 * A machine principal of an organization, authenticating through one or more auth methods (token auth,
 * universal auth, ...). The bootstrap identity is an instance administrator.
 *
 * @since 0.1
 */
public record MachineIdentity(String id, String orgId, String name, boolean instanceAdmin, Map<String, String> metadata,
                              Instant createdAt, Instant updatedAt) {
    public MachineIdentity {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
