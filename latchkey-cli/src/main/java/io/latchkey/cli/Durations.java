package io.latchkey.cli;

import java.util.Locale;

/**
 * Parses the durations the identity and secrets commands take: plain seconds ({@code 3600}) or a number
 * with a unit ({@code 90s}, {@code 30m}, {@code 12h}, {@code 30d}).
 *
 * @since 0.1
 */
final class Durations {
    private Durations() {
    }

    /** Seconds, or null for null; a usage error naming {@code option} when malformed or negative. */
    static Long seconds(String value, String option) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (!v.isEmpty() && Character.isLetter(v.charAt(v.length() - 1))) {
            unit = switch (v.charAt(v.length() - 1)) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> -1;
            };
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v);
            if (unit > 0 && n >= 0) {
                return Math.multiplyExact(n, unit);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // fall through to the usage error
        }
        throw new CliException(ExitCode.USAGE, option + " must be seconds or a number with s, m, h or d (e.g. 3600, 12h),"
                + " got " + value);
    }
}
