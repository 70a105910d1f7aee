package io.latchkey.core.tx;

import io.latchkey.core.support.Require;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The writes one caller needs made durable, described rather than done: a chain of {@link BatchWrite}s where
 * each step may depend on what the previous one reported (count a client secret's use; only if that worked,
 * store the session). Describing them lets a group commit run many callers' plans together: {@link #runAll}
 * sends each round's writes of one kind as one batch, so a batch of a hundred logins costs two round trips
 * to the database, not two hundred.
 *
 * <p>The functions given to {@link #then} and {@link #map} only decide: they look at a write's output, throw
 * to refuse, and describe the next writes. They must not write to storage themselves (nothing would batch
 * those writes; a read to explain a refusal is fine) and may run on another thread than the caller's. A plan
 * whose function throws fails as a whole: the transaction running it rolls back.
 *
 * @param <T> the plan's result once all of its writes are made
 * @since 0.1
 */
public abstract sealed class WritePlan<T> {

    private WritePlan() {
    }

    /** A plan with nothing to write. */
    public static <T> WritePlan<T> done(T value) {
        return new Done<>(value);
    }

    /** A plan of one write of {@code kind}; its result is what the write reports. */
    public static <I, O> WritePlan<O> of(BatchWrite<I, O> kind, I input) {
        Require.nonNull(kind, "kind");
        return new Write<>(kind, input, WritePlan::done);
    }

    /** This plan, then the writes {@code next} describes from its result. */
    public abstract <U> WritePlan<U> then(Function<? super T, WritePlan<U>> next);

    /** This plan, with its result passed through {@code f} (which may throw to refuse). */
    public final <U> WritePlan<U> map(Function<? super T, ? extends U> f) {
        return then(t -> done(f.apply(t)));
    }

    /**
     * Makes the writes of every plan, in rounds: each round sends the next write of every unfinished plan,
     * one {@link BatchWrite#applyAll} per kind, in the order the kinds first appear. Call inside a
     * transaction. A plan's writes happen in its own order; writes of different plans may be reordered
     * within a round, which is what concurrent callers would see anyway.
     *
     * @return each plan's result, in the order of {@code plans}
     * @throws RuntimeException what a write or a plan's function threw; the caller's transaction then
     *         holds some writes of some plans and must roll back
     */
    public static List<Object> runAll(List<? extends WritePlan<?>> plans) {
        int n = plans.size();
        WritePlan<?>[] current = plans.toArray(new WritePlan<?>[n]);
        Map<BatchWrite<?, ?>, List<Integer>> round = new IdentityHashMap<>();
        List<BatchWrite<?, ?>> kinds = new ArrayList<>();
        while (true) {
            round.clear();
            kinds.clear();
            for (int i = 0; i < n; i++) {
                if (current[i] instanceof Write<?, ?, ?> w) {
                    List<Integer> units = round.get(w.kind);
                    if (units == null) {
                        units = new ArrayList<>();
                        round.put(w.kind, units);
                        kinds.add(w.kind);
                    }
                    units.add(i);
                }
            }
            if (kinds.isEmpty()) {
                break;
            }
            for (BatchWrite<?, ?> kind : kinds) {
                apply(kind, round.get(kind), current);
            }
        }
        List<Object> results = new ArrayList<>(n);
        for (WritePlan<?> p : current) {
            results.add(((Done<?>) p).value);
        }
        return results;
    }

    /** One kind's writes of a round; each unit moves on to what its function makes of its output. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void apply(BatchWrite kind, List<Integer> units, WritePlan<?>[] current) {
        List<Object> inputs = new ArrayList<>(units.size());
        for (int i : units) {
            inputs.add(((Write<?, ?, ?>) current[i]).input);
        }
        List<?> outputs = kind.applyAll(inputs);
        if (outputs.size() != inputs.size()) {
            throw new IllegalStateException("a batch write answered " + outputs.size() + " of " + inputs.size() + " inputs");
        }
        for (int k = 0; k < units.size(); k++) {
            int i = units.get(k);
            current[i] = ((Write) current[i]).resume(outputs.get(k));
        }
    }

    private static final class Done<T> extends WritePlan<T> {
        final T value;

        Done(T value) {
            this.value = value;
        }

        @Override
        public <U> WritePlan<U> then(Function<? super T, WritePlan<U>> next) {
            return Require.nonNull(next.apply(value), "next plan");
        }
    }

    private static final class Write<I, O, T> extends WritePlan<T> {
        final BatchWrite<I, O> kind;
        final I input;
        final Function<? super O, WritePlan<T>> next;

        Write(BatchWrite<I, O> kind, I input, Function<? super O, WritePlan<T>> next) {
            this.kind = kind;
            this.input = input;
            this.next = next;
        }

        WritePlan<T> resume(O output) {
            return Require.nonNull(next.apply(output), "next plan");
        }

        @Override
        public <U> WritePlan<U> then(Function<? super T, WritePlan<U>> after) {
            return new Write<>(kind, input, o -> next.apply(o).then(after));
        }
    }
}
