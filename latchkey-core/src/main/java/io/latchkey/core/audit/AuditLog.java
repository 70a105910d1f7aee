package io.latchkey.core.audit;

import io.latchkey.core.support.Require;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes audit events. Two paths, chosen by the caller:
 *
 * <ul>
 *   <li>{@link #record} appends in the caller's transaction, so a mutation and its event commit together.
 *       Every mutation uses it.</li>
 *   <li>{@link #recordAsync} queues the event for a background writer that appends in batches (one chain
 *       lock per batch instead of per event). Authentication outcomes use it: they are the highest-volume
 *       events and the hot paths (token issuance) must not wait for a serialized chain append. An event
 *       queued but not yet written when the process is killed is lost; a clean shutdown drains the queue.
 *       When the queue is full the caller writes synchronously, so load never silently drops events.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class AuditLog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());
    private static final int QUEUE_CAPACITY = 50_000;
    private static final int BATCH = 500;

    private final AuditRepository repository;
    private final Transactions transactions;
    private final Clock clock;
    private final BlockingQueue<AuditRecord> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicBoolean running = new AtomicBoolean(false);
    private final Object drainLock = new Object();
    private Thread writer;

    public AuditLog(AuditRepository repository, Transactions transactions, Clock clock) {
        this.repository = Require.nonNull(repository, "repository");
        this.transactions = Require.nonNull(transactions, "transactions");
        this.clock = Require.nonNull(clock, "clock");
    }

    public Clock clock() {
        return clock;
    }

    /** Appends now, joining the caller's transaction if there is one. */
    public AuditEvent record(AuditRecord.Builder builder) {
        AuditRecord r = builder.build(clock.instant());
        return transactions.inTransaction(() -> repository.append(List.of(r)).get(0));
    }

    /** Queues for the background writer (see the class comment). */
    public void recordAsync(AuditRecord.Builder builder) {
        AuditRecord r = builder.build(clock.instant());
        if (!running.get() || !queue.offer(r)) {
            transactions.inTransaction(() -> repository.append(List.of(r)));
        }
    }

    /** Starts the background writer. */
    public synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        writer = new Thread(this::drainLoop, "latchkey-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes everything queued so far. */
    public void flush() {
        synchronized (drainLock) {
            List<AuditRecord> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        }
    }

    private void drainLoop() {
        while (running.get()) {
            try {
                AuditRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                synchronized (drainLock) {
                    List<AuditRecord> batch = new ArrayList<>(BATCH);
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "audit writer failed; events of this batch were not written", e);
            }
        }
    }

    private void write(List<AuditRecord> batch) {
        List<AuditRecord> copy = List.copyOf(batch);
        transactions.inTransaction(() -> repository.append(copy));
    }

    /**
     * Recomputes the chain up to the head as it stands when verification starts (events appended while
     * it runs are left for the next run) and compares it with what is stored.
     */
    public AuditVerification verify() {
        flush();
        String[] head = repository.headPointer();
        long lastSeq = head == null ? 0 : Long.parseLong(head[0]);
        String lastHash = head == null ? AuditChain.GENESIS : head[1];
        ChainCheck check = new ChainCheck();
        repository.forEachInOrder(lastSeq, check);
        if (check.broken != null) {
            return check.broken;
        }
        if (check.expectedSeq - 1 != lastSeq || !check.prev.equals(lastHash)) {
            return new AuditVerification(false, check.count, check.expectedSeq,
                    "the chain head does not point at the last stored event (events were removed from the end)");
        }
        return new AuditVerification(true, check.count, null, null);
    }

    /** Walks events in order, remembering the first break. */
    private static final class ChainCheck implements java.util.function.Consumer<AuditEvent> {
        long count;
        long expectedSeq = 1;
        String prev = AuditChain.GENESIS;
        AuditVerification broken;

        @Override
        public void accept(AuditEvent e) {
            if (broken != null) {
                return;
            }
            count++;
            if (e.seq() != expectedSeq) {
                broken = new AuditVerification(false, count, expectedSeq,
                        "event " + expectedSeq + " is missing (next stored event is " + e.seq() + ")");
            } else if (!prev.equals(e.prevHash())) {
                broken = new AuditVerification(false, count, e.seq(), "event " + e.seq() + " does not link to the previous event");
            } else if (!AuditChain.hash(e.prevHash(), e.seq(), e.id(), e.record()).equals(e.hash())) {
                broken = new AuditVerification(false, count, e.seq(),
                        "event " + e.seq() + " was altered (its content does not match its hash)");
            } else {
                prev = e.hash();
                expectedSeq++;
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        Thread w = writer;
        if (w != null) {
            try {
                w.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }
}
