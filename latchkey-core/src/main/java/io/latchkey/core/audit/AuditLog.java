package io.latchkey.core.audit;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.Transactions;
import io.latchkey.core.tx.WritePlan;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Writes audit events. Two paths, chosen by the caller:
 *
 * <ul>
 *   <li>{@link #record} appends in the caller's transaction, so a mutation and its event commit together.
 *       Every mutation uses it.</li>
 *   <li>{@link #recordAsync} hands the event to a background writer that appends in batches (one chain
 *       lock and one commit per batch instead of per event: group commit). Authentication outcomes use it:
 *       they are the highest-volume events, and serializing every login on the chain lock would cap
 *       token issuance at one commit per event. The call returns only once the batch holding the event
 *       has committed, so an answer the client received always has its audit event on disk, and a
 *       {@code kill -9} loses nothing that was acknowledged (issue 9, suite 4). Waiting costs about one
 *       batch commit of latency; throughput is unchanged because concurrent callers share a commit.</li>
 *   <li>{@link #recordDeferred} hands the event to the same writer and returns at once: for decision
 *       records, which describe neither a change nor an authentication (the authorization check's decision
 *       log, the way policy engines keep theirs). Batches holding only such records gather for up to
 *       {@link #DEFERRED_LINGER}, so the commit is shared by many; at most {@link #MAX_DEFERRED} wait at any
 *       time, after which callers wait for durability like {@link #recordAsync} (memory stays bounded and a
 *       crash can lose at most the last few milliseconds of decisions, never an acknowledged change).</li>
 * </ul>
 *
 * <p>INVARIANT: no request that changes something or authenticates someone is answered before its audit
 * event is durable (decision records, {@link #recordDeferred}, are the one exception, by design). If the
 * event cannot be written (database down, writer stuck past {@link #DURABLE_WAIT}) the caller gets an
 * {@code internal_error} and the operation it describes is not acknowledged: an IAM system fails closed
 * on its audit trail. When the queue is full the caller writes synchronously; when the caller is already
 * inside a transaction the event joins it (the writer would otherwise wait for the caller's chain lock
 * while the caller waits for the writer).
 *
 * @since 0.1
 */
public final class AuditLog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());
    private static final int QUEUE_CAPACITY = 50_000;
    private static final int BATCH = 500;
    /**
     * How long a batch with a waiting caller gathers before it is written, where the database's commit costs
     * this process CPU whatever the batch holds (H2; see the writer's {@code linger}).
     */
    public static final Duration LINGER = Duration.ofMillis(1);
    /** How long a batch of deferred records only (no caller waiting) may gather. */
    static final Duration DEFERRED_LINGER = Duration.ofMillis(10);
    /** Most deferred records queued and not yet written; beyond it {@link #recordDeferred} waits. */
    static final int MAX_DEFERRED = 4_096;
    /** Longest a caller waits for its event's batch to commit before failing the request. */
    static final Duration DURABLE_WAIT = Duration.ofSeconds(10);
    /** The plan of a unit that only appends its event (every one of {@link #recordAsync} and {@link #recordDeferred}). */
    private static final WritePlan<Void> NO_WRITES = WritePlan.done(null);

    private final AuditRepository repository;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration awaitedLinger;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicBoolean running = new AtomicBoolean(false);
    private final AtomicInteger deferred = new AtomicInteger();
    private final Object drainLock = new Object();
    private Thread writer;

    public AuditLog(AuditRepository repository, Transactions transactions, Clock clock) {
        this(repository, transactions, clock, LINGER);
    }

    /**
     * @param linger how long a batch with a waiting caller gathers before it is written: {@link #LINGER}
     *        where a commit is work for this process (H2), zero where it is a wait for the database's disk
     *        (PostgreSQL); see the writer's {@code linger}
     */
    public AuditLog(AuditRepository repository, Transactions transactions, Clock clock, Duration linger) {
        this.repository = Require.nonNull(repository, "repository");
        this.transactions = Require.nonNull(transactions, "transactions");
        this.clock = Require.nonNull(clock, "clock");
        this.awaitedLinger = Require.nonNull(linger, "linger");
        if (linger.isNegative() || linger.compareTo(DEFERRED_LINGER) > 0) {
            throw new IllegalArgumentException("linger must be between 0 and " + DEFERRED_LINGER);
        }
    }

    public Clock clock() {
        return clock;
    }

    /** Appends now, joining the caller's transaction if there is one. */
    public AuditEvent record(AuditRecord.Builder builder) {
        AuditRecord r = builder.build(clock.instant());
        return transactions.inTransaction(() -> repository.append(List.of(r)).get(0));
    }

    /**
     * Appends through the group-commit writer and returns once the event is durable (see the class comment).
     *
     * @throws LatchkeyException {@code internal_error} when the event could not be
     *         written in time; the caller must not acknowledge the operation
     */
    public void recordAsync(AuditRecord.Builder builder) {
        AuditRecord r = builder.build(clock.instant());
        submit(NO_WRITES, ignored -> r);
    }

    /**
     * Appends through the group-commit writer and returns without waiting for the commit (see the class
     * comment): only for records of decisions that change nothing and authenticate no one. When
     * {@link #MAX_DEFERRED} records are already waiting, the caller waits for this one to be durable, so a
     * writer that falls behind slows the callers down instead of growing the queue. A record whose write
     * fails is reported in the server log with its request id.
     */
    public void recordDeferred(AuditRecord.Builder builder) {
        AuditRecord r = builder.build(clock.instant());
        if (running.get() && !transactions.active()) {
            if (deferred.incrementAndGet() <= MAX_DEFERRED && queue.offer(new Pending<Void>(NO_WRITES, ignored -> r, false))) {
                return;
            }
            deferred.decrementAndGet();
        }
        // Not started, inside a transaction, or too many waiting: the same path as a waited-for record.
        submit(NO_WRITES, ignored -> r);
    }

    /**
     * Makes the small writes of an authentication path ({@code plan}: a replay mark, a use count, a session
     * row) in the writer's next group commit, and in the same commit appends the event {@code event} makes
     * of the plan's result (none when it returns null). Returns the result once both are durable, so an
     * authentication costs one shared commit instead of a commit of its own plus the audit batch's, and the
     * batch's writes of one kind go to the database together ({@link WritePlan#runAll}): a hundred
     * concurrent logins cost a round trip per kind of write, not a hundred.
     *
     * <p>If the batch fails (a write the database refuses, a plan's function that throws to refuse its
     * caller), it is rolled back and retried one unit at a time, so other callers' writes are unaffected,
     * and the exception reaches its caller unchanged with nothing of its unit stored.
     */
    public <T> T durably(WritePlan<T> plan, Function<T, AuditRecord.Builder> event) {
        Require.nonNull(plan, "plan");
        Require.nonNull(event, "event");
        return submit(plan, result -> {
            AuditRecord.Builder b = event.apply(result);
            return b == null ? null : b.build(clock.instant());
        });
    }

    private <T> T submit(WritePlan<T> plan, Function<T, AuditRecord> event) {
        Pending<T> pending = new Pending<>(plan, event, true);
        if (!running.get() || transactions.active() || !queue.offer(pending)) {
            // Not started, inside the caller's transaction (the writer would wait for the caller's chain lock
            // while the caller waits for the writer), or the queue is full: write here and now.
            return transactions.inTransaction(() -> pending.runIn(repository));
        }
        return awaitDurable(pending);
    }

    private static <T> T awaitDurable(Pending<T> pending) {
        try {
            return pending.done.get(DURABLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LatchkeyException le) {
                throw le;
            }
            throw LatchkeyException.of(ErrorCode.INTERNAL_ERROR,
                    "the audit event could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw LatchkeyException.of(ErrorCode.INTERNAL_ERROR,
                    "the audit event was not written within " + DURABLE_WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LatchkeyException.of(ErrorCode.INTERNAL_ERROR,
                    "interrupted while writing the audit event", e);
        }
    }

    /** A unit of a batch: its writes, the event they yield, and the caller waiting for the commit. */
    private static final class Pending<T> {
        final WritePlan<T> plan;
        final Function<T, AuditRecord> event;
        /** Whether a caller waits on {@link #done}; false for {@link #recordDeferred}. */
        final boolean awaited;
        final CompletableFuture<T> done = new CompletableFuture<>();
        T result;
        AuditRecord record;

        Pending(WritePlan<T> plan, Function<T, AuditRecord> event, boolean awaited) {
            this.plan = plan;
            this.event = event;
            this.awaited = awaited;
        }

        /** Takes the plan's result and makes the event of it, leaving both for the batch to append and complete. */
        @SuppressWarnings("unchecked")
        void prepare(Object planResult) {
            result = (T) planResult;
            record = event.apply(result);
        }

        /** Alone in a transaction: the writes, then the event. */
        T runIn(AuditRepository repository) {
            prepare(WritePlan.runAll(List.of(plan)).get(0));
            if (record != null) {
                repository.append(List.of(record));
            }
            return result;
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
            List<Pending<?>> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        }
    }

    private void drainLoop() {
        while (running.get()) {
            try {
                Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                synchronized (drainLock) {
                    List<Pending<?>> batch = new ArrayList<>(BATCH);
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    linger(batch);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // write() already failed the batch's callers, so none of them acknowledges its operation.
                LOG.log(System.Logger.Level.ERROR, "audit writer failed; the requests of this batch were refused", e);
            }
        }
    }

    /**
     * Lets a batch gather for up to the configured linger. Without it the writer on H2, idle and waiting,
     * took each event the moment it arrived and committed batches of one or two: an H2 commit rewrites the
     * changed index pages whatever the batch size, so under load the writer spent most of a core on
     * commits. A millisecond of waiting makes batches of tens, for a millisecond more latency on audited
     * requests. A PostgreSQL commit waits for its write-ahead log to reach the disk instead, and the
     * callers gather in the queue meanwhile, so batches grow with the load by themselves; lingering there
     * only lengthened each round trip (universal-auth logins ran about a fifth faster without it,
     * docs/PERFORMANCE.md, round 9), so it lingers zero. While no caller waits on the batch (deferred
     * records only) it may gather for {@link #DEFERRED_LINGER}; the first waiting caller shortens the wait
     * back to the linger from the batch's start.
     */
    private void linger(List<Pending<?>> batch) throws InterruptedException {
        long start = System.nanoTime();
        boolean awaited = anyAwaited(batch, 0);
        long deadline = start + (awaited ? awaitedLinger : DEFERRED_LINGER).toNanos();
        while (batch.size() < BATCH) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Pending<?> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            int from = batch.size();
            batch.add(next);
            queue.drainTo(batch, BATCH - batch.size());
            if (!awaited && anyAwaited(batch, from)) {
                awaited = true;
                deadline = Math.min(deadline, start + awaitedLinger.toNanos());
            }
        }
    }

    private static boolean anyAwaited(List<Pending<?>> batch, int from) {
        for (int i = from; i < batch.size(); i++) {
            if (batch.get(i).awaited) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs one batch's writes and appends its events in one transaction, then releases its callers. If the
     * batch fails, each unit is retried alone, so one failing write (or one the database refuses) fails
     * only its own caller.
     */
    private void write(List<Pending<?>> batch) {
        try {
            transactions.run(() -> {
                List<WritePlan<?>> plans = new ArrayList<>(batch.size());
                for (Pending<?> p : batch) {
                    plans.add(p.plan);
                }
                List<Object> results = WritePlan.runAll(plans);
                List<AuditRecord> records = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    Pending<?> p = batch.get(i);
                    p.prepare(results.get(i));
                    if (p.record != null) {
                        records.add(p.record);
                    }
                }
                if (!records.isEmpty()) {
                    repository.append(records);
                }
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.get(0), e);
                throw e;
            }
            batch.forEach(this::writeAlone);
            return;
        }
        batch.forEach(this::complete);
    }

    private <T> void writeAlone(Pending<T> p) {
        try {
            T result = transactions.inTransaction(() -> p.runIn(repository));
            complete(p, result);
        } catch (RuntimeException e) {
            fail(p, e);
        }
    }

    private <T> void complete(Pending<T> p) {
        complete(p, p.result);
    }

    private <T> void complete(Pending<T> p, T result) {
        if (!p.awaited) {
            deferred.decrementAndGet();
        }
        p.done.complete(result);
    }

    private void fail(Pending<?> p, RuntimeException e) {
        if (!p.awaited) {
            deferred.decrementAndGet();
            AuditRecord r = p.record;
            LOG.log(System.Logger.Level.ERROR, "a deferred audit record could not be written: "
                    + (r == null ? "?" : r.action() + " (request " + r.requestId() + ")"), e);
        }
        p.done.completeExceptionally(e);
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
