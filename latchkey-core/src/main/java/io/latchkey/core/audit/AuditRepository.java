package io.latchkey.core.audit;

import java.util.List;
import java.util.function.Consumer;

/**
 * Port: the append-only audit store. Appends take the chain head under a lock (in the caller's transaction
 * when there is one), so events from every node form one chain.
 *
 * @since 0.1
 */
public interface AuditRepository {

    /** Appends records in order, chaining each to the previous; returns the stored events. */
    List<AuditEvent> append(List<AuditRecord> records);

    AuditPage query(AuditQuery query);

    /** Streams events with {@code seq <= maxSeq} in sequence order (for verification). */
    void forEachInOrder(long maxSeq, Consumer<AuditEvent> consumer);

    /** The last sequence number and hash the chain head records, or null when nothing was appended. */
    AuditEvent head();

    /** The head as the chain-head row records it: {@code [lastSeq, lastHash]}, or null. */
    String[] headPointer();
}
