package io.latchkey.core.secrets;

import java.util.List;

/**
 * Port: told about every change to secrets, inside the transaction that makes it, so that what it records
 * (webhook deliveries) commits or rolls back with the change.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SecretChangeSink {
    /** A sink that ignores changes. */
    SecretChangeSink NONE = (scope, changes) -> { };

    /** {@code scope} is the folder the changed secrets are in; {@code changes} is never empty. */
    void changed(SecretScope scope, List<SecretChange> changes);
}
