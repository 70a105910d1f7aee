package io.latchkey.core.audit;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.tx.BatchWrite;
import io.latchkey.core.tx.Transactions;
import io.latchkey.core.tx.WritePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group-commit path: a caller of recordAsync returns only after its event's batch committed. */
class AuditLogTest {

    /** Counts appends; can hold them back, or fail them. */
    static class RecordingRepository implements AuditRepository {
        final List<AuditRecord> stored = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile RuntimeException failure;

        @Override
        public List<AuditEvent> append(List<AuditRecord> records) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            batchSizes.add(records.size());
            stored.addAll(records);
            return List.of();
        }

        @Override
        public AuditPage query(AuditQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forEachInOrder(long maxSeq, Consumer<AuditEvent> consumer) {
        }

        @Override
        public AuditEvent head() {
            return null;
        }

        @Override
        public String[] headPointer() {
            return null;
        }
    }

    /** Runs work directly; tracks whether the calling thread is "inside" a transaction. */
    static final class DirectTransactions implements Transactions {
        private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            boolean outer = !inside.get();
            inside.set(true);
            try {
                return work.get();
            } finally {
                if (outer) {
                    inside.set(false);
                }
            }
        }

        @Override
        public boolean active() {
            return inside.get();
        }
    }

    private static AuditRecord.Builder login() {
        return AuditRecord.builder("auth.login", AuditOutcome.SUCCESS);
    }

    @Test
    void recordAsyncWhenBatchNotYetCommittedThenCallerStillWaits() throws Exception {
        RecordingRepository repo = new RecordingRepository();
        repo.gate = new CountDownLatch(1);
        try (AuditLog log = new AuditLog(repo, new DirectTransactions(), Clock.systemUTC())) {
            log.start();
            CompletableFuture<Void> call = CompletableFuture.runAsync(() -> log.recordAsync(login()));
            Thread.sleep(300);
            assertThat(call).as("acknowledged before the event was written").isNotDone();
            repo.gate.countDown();
            call.get(5, TimeUnit.SECONDS);
            assertThat(repo.stored).hasSize(1);
        }
    }

    @Test
    void recordAsyncWhenAppendFailsThenCallerGetsInternalError() {
        RecordingRepository repo = new RecordingRepository();
        repo.failure = new IllegalStateException("database down");
        try (AuditLog log = new AuditLog(repo, new DirectTransactions(), Clock.systemUTC())) {
            log.start();
            assertThatThrownBy(() -> log.recordAsync(login())).isInstanceOfSatisfying(LatchkeyException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR));
            repo.failure = null;
        }
    }

    @ParameterizedTest(name = "linger {0} ms")
    @ValueSource(longs = {0, 1})
    void recordAsyncWhenManyCallersThenTheyShareCommits(long lingerMillis) throws Exception {
        // With no linger (PostgreSQL) the callers still share commits: they queue while a batch commits.
        RecordingRepository repo = new RecordingRepository();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try (AuditLog log = new AuditLog(repo, new DirectTransactions(), Clock.systemUTC(), Duration.ofMillis(lingerMillis))) {
            log.start();
            repo.gate = new CountDownLatch(1);
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(CompletableFuture.runAsync(() -> log.recordAsync(login()), pool));
            }
            Thread.sleep(300);
            assertThat(calls).noneMatch(CompletableFuture::isDone);
            repo.gate.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(repo.stored).hasSize(50);
            assertThat(repo.batchSizes.size()).as("commits for 50 events").isLessThan(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recordDeferredWhenBatchNotYetCommittedThenReturnsAndFlushWritesIt() throws Exception {
        RecordingRepository repo = new RecordingRepository();
        repo.gate = new CountDownLatch(1);
        try (AuditLog log = new AuditLog(repo, new DirectTransactions(), Clock.systemUTC())) {
            log.start();
            CompletableFuture.runAsync(() -> log.recordDeferred(login())).get(5, TimeUnit.SECONDS);
            assertThat(repo.stored).as("written before the commit was released").isEmpty();
            repo.gate.countDown();
            log.flush();
            awaitStored(repo, 1);
        }
    }

    @Test
    void recordDeferredWhenTooManyWaitingThenCallerWaitsForDurability() throws Exception {
        RecordingRepository repo = new RecordingRepository();
        repo.gate = new CountDownLatch(1);
        try (AuditLog log = new AuditLog(repo, new DirectTransactions(), Clock.systemUTC())) {
            log.start();
            // The writer holds the first batch at the gate; the rest queue behind it, all still counted.
            for (int i = 0; i < AuditLog.MAX_DEFERRED; i++) {
                log.recordDeferred(login());
            }
            CompletableFuture<Void> over = CompletableFuture.runAsync(() -> log.recordDeferred(login()));
            Thread.sleep(300);
            assertThat(over).as("a deferred record beyond the bound returned before it was durable").isNotDone();
            repo.gate.countDown();
            over.get(10, TimeUnit.SECONDS);
            awaitStored(repo, AuditLog.MAX_DEFERRED + 1);
            // The bound frees up as batches commit: deferring returns at once again.
            CompletableFuture.runAsync(() -> log.recordDeferred(login())).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void recordDeferredWhenOnlyDeferredQueuedThenBatchesGatherLongerThanWaitedOnes() throws Exception {
        RecordingRepository repo = new RecordingRepository();
        try (AuditLog log = new AuditLog(repo, new DirectTransactions(), Clock.systemUTC())) {
            log.start();
            for (int i = 0; i < 40; i++) {
                log.recordDeferred(login());
                Thread.sleep(0, 200_000);
            }
            awaitStored(repo, 40);
            // 40 records spread over about 8 ms or more: a 10 ms gathering window takes them in a few commits.
            assertThat(repo.batchSizes.size()).as("commits for 40 deferred records").isLessThan(8);
        }
    }

    private static void awaitStored(RecordingRepository repo, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (repo.stored.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(repo.stored).hasSize(count);
    }

    @Test
    void recordAsyncWhenInsideTransactionThenAppendsOnTheCallersThread() {
        List<String> appendingThreads = java.util.Collections.synchronizedList(new ArrayList<>());
        RecordingRepository repo = new RecordingRepository() {
            @Override
            public List<AuditEvent> append(List<AuditRecord> records) {
                appendingThreads.add(Thread.currentThread().getName());
                return super.append(records);
            }
        };
        DirectTransactions tx = new DirectTransactions();
        try (AuditLog log = new AuditLog(repo, tx, Clock.systemUTC())) {
            log.start();
            tx.run(() -> log.recordAsync(login()));
            log.recordAsync(login());
        }
        assertThat(appendingThreads).containsExactly(Thread.currentThread().getName(), "latchkey-audit-writer");
    }

    /** A transaction whose writes land only when it commits (a thrown exception discards them). */
    static final class BufferingTransactions implements Transactions {
        final List<String> committed = java.util.Collections.synchronizedList(new ArrayList<>());
        private final ThreadLocal<List<String>> buffer = new ThreadLocal<>();

        /** Each batch's size, as the writer sent it. */
        final List<Integer> writeBatches = java.util.Collections.synchronizedList(new ArrayList<>());
        /** A kind of write: buffers its rows in the current transaction; answers true for each. */
        final BatchWrite<String, Boolean> rows = inputs -> {
            writeBatches.add(inputs.size());
            inputs.forEach(r -> buffer.get().add(r));
            return inputs.stream().map(r -> true).toList();
        };

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (buffer.get() != null) {
                return work.get();
            }
            buffer.set(new ArrayList<>());
            try {
                T result = work.get();
                committed.addAll(buffer.get());
                return result;
            } finally {
                buffer.remove();
            }
        }

        @Override
        public boolean active() {
            return buffer.get() != null;
        }
    }

    @Test
    void durablyWhenOneUnitOfABatchThrowsThenOnlyItsCallerFailsAndNothingOfItIsStored() throws Exception {
        RecordingRepository repo = new RecordingRepository();
        BufferingTransactions tx = new BufferingTransactions();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (AuditLog log = new AuditLog(repo, tx, Clock.systemUTC())) {
            log.start();
            repo.gate = new CountDownLatch(1);
            // Holds the writer in a first batch so that the next three units queue up and share a batch.
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> log.recordAsync(login()));
            Thread.sleep(200);
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> log.durably(
                    WritePlan.of(tx.rows, "a").map(ok -> "A"), r -> login().detail("unit", r)), pool);
            CompletableFuture<String> bad = CompletableFuture.supplyAsync(() -> log.durably(
                    WritePlan.of(tx.rows, "bad").map(ok -> {
                        throw LatchkeyException.unauthenticated(ErrorCode.USE_LIMIT_REACHED, "no uses left");
                    }), r -> login().detail("unit", "bad")), pool);
            CompletableFuture<String> none = CompletableFuture.supplyAsync(() -> log.durably(
                    WritePlan.of(tx.rows, "c").then(ok -> WritePlan.of(tx.rows, "c2")).map(ok -> "C"), r -> null), pool);
            Thread.sleep(200);
            repo.gate.countDown();
            first.get(5, TimeUnit.SECONDS);
            assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("A");
            assertThat(none.get(5, TimeUnit.SECONDS)).isEqualTo("C");
            assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(LatchkeyException.class)
                    .cause().satisfies(e -> assertThat(((LatchkeyException) e).code()).isEqualTo(ErrorCode.USE_LIMIT_REACHED));
            assertThat(tx.committed).containsExactlyInAnyOrder("a", "c", "c2");
            assertThat(tx.writeBatches).as("the three units' first writes together until bad's refusal rolled "
                    + "the batch back, then each unit alone: a, bad, c and c's second write").containsExactly(3, 1, 1, 1, 1);
            assertThat(repo.stored).hasSize(2);
            assertThat(repo.stored).extracting(r -> r.details().get("unit")).containsExactlyInAnyOrder(null, "A");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void durablyWhenUnitsQueueTogetherThenTheirWritesAndEventsShareOneCommit() throws Exception {
        RecordingRepository repo = new RecordingRepository();
        BufferingTransactions tx = new BufferingTransactions();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try (AuditLog log = new AuditLog(repo, tx, Clock.systemUTC())) {
            log.start();
            repo.gate = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> log.recordAsync(login()));
            Thread.sleep(200);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                calls.add(CompletableFuture.supplyAsync(() -> log.durably(
                        WritePlan.of(tx.rows, "row" + n).map(ok -> n), r -> login()), pool));
            }
            Thread.sleep(300);
            assertThat(calls).noneMatch(CompletableFuture::isDone);
            repo.gate.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) {
                assertThat(calls.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(tx.committed).hasSize(20);
            assertThat(tx.writeBatches).as("the twenty units' writes in one batch").containsExactly(20);
            assertThat(repo.stored).hasSize(21);
            assertThat(repo.batchSizes).as("the first event, then the twenty units' events together").containsExactly(1, 20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void constructorWhenLingerOutOfRangeThenRejected() {
        RecordingRepository repo = new RecordingRepository();
        assertThatThrownBy(() -> new AuditLog(repo, new DirectTransactions(), Clock.systemUTC(), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditLog(repo, new DirectTransactions(), Clock.systemUTC(), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
