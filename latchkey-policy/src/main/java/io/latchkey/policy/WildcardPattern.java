package io.latchkey.policy;

/**
 * One compiled pattern: {@code *} matches any run of characters (empty included, {@code ':'} and {@code '/'}
 * included), {@code ?} exactly one character, everything else itself, case-sensitively. There is no escape:
 * a literal {@code *} or {@code ?} cannot be written, as in the IAM dialect the patterns come from.
 *
 * <p>Design: the shape is decided once, at compile time, so that the common shapes cost one JDK string
 * intrinsic at evaluation time: {@code *} alone is {@link Kind#ANY}, a pattern without wildcards is
 * {@link Kind#EXACT} ({@code equals}), {@code text*} is {@link Kind#PREFIX} ({@code startsWith}) and, outside
 * actions, {@code *text} is {@link Kind#SUFFIX} ({@code endsWith}). Everything else runs the iterative
 * matcher in {@link #matchesGeneral}, which remembers only the last {@code *} and retries from there: linear
 * in the common case and at worst O(pattern length x input length), never exponential, and allocation-free.
 * Consecutive stars are collapsed first, since {@code **} means the same as {@code *}.
 *
 * <p>Traps: {@code ?} matches one UTF-16 code unit, not one code point (ARIs and actions are ASCII). For
 * action patterns ({@link #action}) the service part compares case-insensitively, see {@link ActionNames}:
 * literal shapes are stored in canonical form and compared to the canonical request action, while the general
 * matcher folds a pattern character exactly when it lines up with a character of the request's service part
 * (the {@code foldEnd} argument).
 */
final class WildcardPattern {
    enum Kind { ANY, EXACT, PREFIX, SUFFIX, GENERAL }

    private static final char STAR = '*';
    private static final char ONE = '?';

    private final Kind kind;
    /** The literal text for EXACT, PREFIX and SUFFIX; the collapsed pattern for GENERAL. */
    private final String literal;
    private final char[] chars;
    /** {@link #chars} with ASCII letters lower-cased, used where the request's service part is being matched. */
    private final char[] folded;

    private WildcardPattern(Kind kind, String literal, boolean foldService) {
        this.kind = kind;
        this.literal = literal;
        this.chars = literal.toCharArray();
        this.folded = foldService ? foldAll(chars) : chars;
    }

    /** A principal or resource pattern: every character compares exactly. */
    static WildcardPattern of(String text) {
        String p = collapseStars(text);
        Kind kind = shape(p, true);
        return new WildcardPattern(kind, literalOf(kind, p), false);
    }

    /** An action pattern: the service part compares case-insensitively. */
    static WildcardPattern action(String text) {
        String p = collapseStars(text);
        // A suffix can straddle the request's service part, so only the general matcher can fold it correctly.
        Kind kind = shape(p, false);
        return switch (kind) {
            case EXACT, PREFIX -> new WildcardPattern(kind, ActionNames.canonical(literalOf(kind, p)), false);
            default -> new WildcardPattern(kind, literalOf(kind, p), true);
        };
    }

    /**
     * For action patterns: the canonical service every matching action must have, because the pattern's
     * first {@code ':'} comes before any wildcard ({@code iam:Get*} is bound to {@code iam}); null when the
     * pattern leaves the service open ({@code *}, {@code *:Read}, {@code i?m:Get}, {@code iam*}).
     */
    String boundService() {
        int colon = literal.indexOf(':');
        if (kind == Kind.ANY || kind == Kind.SUFFIX || colon < 0) {
            return null;
        }
        int wildcard = indexOfWildcard(literal, 0);
        if (kind == Kind.GENERAL && wildcard < colon) {
            return null;
        }
        return ActionNames.canonical(literal.substring(0, colon));
    }

    /** True when the pattern has no wildcard, so it can be looked up by equality. */
    boolean isExact() {
        return kind == Kind.EXACT;
    }

    boolean isAny() {
        return kind == Kind.ANY;
    }

    Kind kind() {
        return kind;
    }

    /** For EXACT patterns: the text to compare with (canonical for actions). */
    String literal() {
        return literal;
    }

    /**
     * Matches {@code input}. For action patterns {@code input} must be canonical ({@link ActionNames#canonical})
     * and {@code foldEnd} its {@link ActionNames#serviceEnd}; for every other pattern pass 0.
     */
    boolean matches(String input, int foldEnd) {
        return switch (kind) {
            case ANY -> true;
            case EXACT -> literal.equals(input);
            case PREFIX -> input.startsWith(literal);
            case SUFFIX -> input.endsWith(literal);
            case GENERAL -> matchesGeneral(input, foldEnd);
        };
    }

    private boolean matchesGeneral(String input, int foldEnd) {
        final char[] p = chars;
        final int m = p.length;
        final int n = input.length();
        int pi = 0;
        int si = 0;
        int starPi = -1;
        int starSi = 0;
        while (si < n) {
            if (pi < m) {
                char pc = p[pi];
                if (pc == STAR) {
                    starPi = pi++;
                    starSi = si;
                    continue;
                }
                char expected = si < foldEnd ? folded[pi] : pc;
                if (pc == ONE || expected == input.charAt(si)) {
                    pi++;
                    si++;
                    continue;
                }
            }
            if (starPi < 0) {
                return false;
            }
            // Let the last star swallow one more character and retry the rest of the pattern from there.
            pi = starPi + 1;
            si = ++starSi;
        }
        while (pi < m && p[pi] == STAR) {
            pi++;
        }
        return pi == m;
    }

    private static Kind shape(String p, boolean suffixAllowed) {
        int firstWild = indexOfWildcard(p, 0);
        if (firstWild < 0) {
            return Kind.EXACT;
        }
        if (p.length() == 1 && p.charAt(0) == STAR) {
            return Kind.ANY;
        }
        int last = p.length() - 1;
        if (firstWild == last && p.charAt(last) == STAR) {
            return Kind.PREFIX;
        }
        if (suffixAllowed && firstWild == 0 && p.charAt(0) == STAR && indexOfWildcard(p, 1) < 0) {
            return Kind.SUFFIX;
        }
        return Kind.GENERAL;
    }

    private static String literalOf(Kind kind, String p) {
        return switch (kind) {
            case PREFIX -> p.substring(0, p.length() - 1);
            case SUFFIX -> p.substring(1);
            default -> p;
        };
    }

    private static int indexOfWildcard(String p, int from) {
        for (int i = from; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == STAR || c == ONE) {
                return i;
            }
        }
        return -1;
    }

    private static String collapseStars(String text) {
        if (!text.contains("**")) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != STAR || sb.length() == 0 || sb.charAt(sb.length() - 1) != STAR) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static char[] foldAll(char[] source) {
        char[] out = new char[source.length];
        for (int i = 0; i < source.length; i++) {
            out[i] = ActionNames.foldAscii(source[i]);
        }
        return out;
    }

    @Override
    public String toString() {
        return kind + "(" + literal + ")";
    }
}
