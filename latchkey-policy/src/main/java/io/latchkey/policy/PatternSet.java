package io.latchkey.policy;

import java.util.List;
import java.util.function.Function;

/**
 * The patterns of one statement member ({@code principal}, {@code action} or {@code resource}): the member
 * matches when any pattern does. An empty set matches nothing (validation rejects it; an unvalidated document
 * that has one simply never applies).
 */
final class PatternSet {
    private final WildcardPattern[] patterns;
    private final boolean matchesEverything;

    private PatternSet(WildcardPattern[] patterns) {
        this.patterns = patterns;
        boolean any = false;
        for (WildcardPattern p : patterns) {
            any |= p.isAny();
        }
        this.matchesEverything = any;
    }

    static PatternSet of(List<String> texts, Function<String, WildcardPattern> compiler) {
        WildcardPattern[] compiled = new WildcardPattern[texts.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compiler.apply(texts.get(i));
        }
        return new PatternSet(compiled);
    }

    /** See {@link WildcardPattern#matches} for {@code foldEnd}. */
    boolean matches(String input, int foldEnd) {
        if (matchesEverything) {
            return true;
        }
        for (WildcardPattern p : patterns) {
            if (p.matches(input, foldEnd)) {
                return true;
            }
        }
        return false;
    }

    /** The patterns, for indexing. The array is not copied: callers must not modify it. */
    WildcardPattern[] patterns() {
        return patterns;
    }
}
