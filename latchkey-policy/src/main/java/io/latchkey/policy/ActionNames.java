package io.latchkey.policy;

/**
 * Case rules for action names ({@code service:Verb}).
 *
 * <p>The service part, everything before the first {@code ':'}, compares case-insensitively, so
 * {@code IAM:CreateToken} and {@code iam:CreateToken} name the same action; the verb part compares exactly.
 * An action without {@code ':'} is all service. Folding is ASCII only ({@code A-Z} to {@code a-z}): service
 * names are ASCII, and ASCII folding keeps string lengths and positions unchanged, which the matchers rely on.
 * It is locale-independent by construction, so no {@link java.util.Locale} is involved.
 *
 * <p>Requests and literal pattern text are brought to one canonical form with {@link #canonical}; wildcard
 * patterns whose literals may land on either side of the request's first {@code ':'} fold per character
 * instead (see {@link WildcardPattern}).
 */
final class ActionNames {
    private ActionNames() {
    }

    /**
     * Lower-cases the ASCII letters before the first {@code ':'} (all of them when there is none).
     * Returns {@code action} itself when it is already canonical, so the usual request allocates nothing.
     */
    static String canonical(String action) {
        int end = serviceEnd(action);
        for (int i = 0; i < end; i++) {
            if (isUpperAscii(action.charAt(i))) {
                return foldFrom(action, i, end);
            }
        }
        return action;
    }

    /** The index of the first {@code ':'}, or the length when there is none: the end of the service part. */
    static int serviceEnd(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? action.length() : colon;
    }

    static char foldAscii(char c) {
        return isUpperAscii(c) ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String foldFrom(String action, int first, int end) {
        char[] chars = action.toCharArray();
        for (int i = first; i < end; i++) {
            chars[i] = foldAscii(chars[i]);
        }
        return new String(chars);
    }
}
