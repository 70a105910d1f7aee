package io.latchkey.policy;

import io.latchkey.core.policy.Effect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which statements can apply to an action, so that a request looks at a handful of statements rather than all
 * of them. Statements are referred to by their position in the compiled set, which is document order then
 * statement order; every array here is ascending in that order.
 *
 * <p>Each action pattern files its statement in one of three places: an exact pattern under its canonical
 * action ({@link ActionNames}); a wildcard pattern whose service is spelled out ({@code iam:Get*}) under that
 * service; any other wildcard pattern ({@code *}, {@code *:Read}) in the global list. A request walks, per
 * effect, three ascending arrays merged on the fly: its action's exact statements, its service's wildcard
 * statements and the global ones; the exact-action entry carries all three, so the usual request costs one
 * hash lookup. Traps: one statement can sit in several arrays (the walk must visit it once), and only the
 * exact array proves that the action matches; statements from the other two must still test their patterns.
 *
 * <p>Immutable after construction; the maps are never modified once built, and final fields publish them safely.
 */
final class ActionIndex {
    /** Statement positions for one key, split by effect. */
    record Bucket(int[] denies, int[] allows) {
        static final Bucket EMPTY = new Bucket(new int[0], new int[0]);
    }

    /**
     * What one request walks. Only {@code exact} statements are known to match the action; {@code conditional}
     * tells whether any of the statements has conditions, so that requests which cannot reach a condition skip
     * preparing {@link RequestFacts} and allocate nothing.
     */
    record Candidates(Bucket exact, Bucket service, Bucket global, boolean conditional) {
        static Candidates of(Bucket exact, Bucket service, Bucket global, CompiledStatement[] statements) {
            boolean conditional = false;
            for (Bucket bucket : new Bucket[] {exact, service, global}) {
                for (int[] positions : new int[][] {bucket.denies(), bucket.allows()}) {
                    for (int position : positions) {
                        conditional |= statements[position].hasConditions();
                    }
                }
            }
            return new Candidates(exact, service, global, conditional);
        }
    }

    private final Map<String, Candidates> byAction;
    private final Map<String, Candidates> byService;
    private final Candidates globalOnly;

    private ActionIndex(Map<String, Candidates> byAction, Map<String, Candidates> byService, Candidates globalOnly) {
        this.byAction = byAction;
        this.byService = byService;
        this.globalOnly = globalOnly;
    }

    static ActionIndex build(CompiledStatement[] statements) {
        Map<String, BucketBuilder> exact = new HashMap<>();
        Map<String, BucketBuilder> services = new HashMap<>();
        BucketBuilder global = new BucketBuilder();
        for (int position = 0; position < statements.length; position++) {
            Effect effect = statements[position].effect();
            for (WildcardPattern pattern : statements[position].actions().patterns()) {
                String service = pattern.isExact() ? null : pattern.boundService();
                BucketBuilder target;
                if (pattern.isExact()) {
                    target = exact.computeIfAbsent(pattern.literal(), k -> new BucketBuilder());
                } else {
                    target = service == null ? global : services.computeIfAbsent(service, k -> new BucketBuilder());
                }
                target.add(position, effect);
            }
        }
        Bucket globalBucket = global.build();
        Map<String, Candidates> byService = new HashMap<>();
        services.forEach((service, b) -> byService.put(service,
                Candidates.of(Bucket.EMPTY, b.build(), globalBucket, statements)));
        Map<String, Candidates> byAction = new HashMap<>();
        exact.forEach((action, b) -> {
            Candidates forService = byService.get(action.substring(0, ActionNames.serviceEnd(action)));
            Bucket serviceBucket = forService == null ? Bucket.EMPTY : forService.service();
            byAction.put(action, Candidates.of(b.build(), serviceBucket, globalBucket, statements));
        });
        return new ActionIndex(byAction, byService,
                Candidates.of(Bucket.EMPTY, Bucket.EMPTY, globalBucket, statements));
    }

    /**
     * The candidates for a canonical action. Allocation-free when some statement names the action exactly;
     * otherwise one substring to look up the service.
     */
    Candidates candidates(String canonicalAction, int serviceEnd) {
        Candidates candidates = byAction.get(canonicalAction);
        if (candidates != null) {
            return candidates;
        }
        if (!byService.isEmpty()) {
            candidates = byService.get(canonicalAction.substring(0, serviceEnd));
        }
        return candidates == null ? globalOnly : candidates;
    }

    @Override
    public String toString() {
        return "exactActions=" + byAction.size() + ", services=" + byService.size() + ", globalWildcards="
                + (globalOnly.global().denies().length + globalOnly.global().allows().length);
    }

    private static final class BucketBuilder {
        private final Positions denies = new Positions();
        private final Positions allows = new Positions();

        void add(int position, Effect effect) {
            (effect == Effect.DENY ? denies : allows).add(position);
        }

        Bucket build() {
            return new Bucket(denies.toArray(), allows.toArray());
        }
    }

    /** An ascending list of ints that ignores a repeat of its last element (several patterns, one statement). */
    private static final class Positions {
        private int[] values = new int[4];
        private int size;

        void add(int position) {
            if (size > 0 && values[size - 1] == position) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
