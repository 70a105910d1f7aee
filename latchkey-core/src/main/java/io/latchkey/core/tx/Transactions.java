package io.latchkey.core.tx;

import java.util.function.Supplier;

/**
 * Port: runs work in one storage transaction. Writes that belong together (a bootstrap, a rotation, a
 * mutation and its audit event) go through here so they land together or not at all.
 *
 * <p>Nested calls join the outer transaction. A runtime exception thrown by {@code work} rolls back and
 * propagates unchanged.
 *
 * @since 0.1
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** True when the calling thread is inside {@link #inTransaction}. */
    boolean active();
}
