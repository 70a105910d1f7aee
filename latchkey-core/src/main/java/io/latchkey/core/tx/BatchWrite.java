package io.latchkey.core.tx;

import java.util.List;

/**
 * Port: one kind of small write (one statement) that a group commit can send for many callers at once, in
 * one round trip to the database instead of one each. A service keeps one instance per kind, so that the
 * units of a batch that write the same kind are recognised as such ({@link WritePlan#runAll} groups them by
 * identity).
 *
 * @param <I> what one caller writes
 * @param <O> what the write tells that caller (typically whether its row was written)
 * @since 0.1
 */
@FunctionalInterface
public interface BatchWrite<I, O> {

    /**
     * Applies every input, in order, in the caller's transaction, as if each had been applied alone in that
     * order; returns one output per input, in the same order.
     */
    List<O> applyAll(List<I> inputs);
}
