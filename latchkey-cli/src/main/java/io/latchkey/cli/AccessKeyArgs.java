package io.latchkey.cli;

import io.latchkey.sdk.JsonCodec;
import io.latchkey.sdk.KeyTenant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the command-line forms of the access-key commands: {@code --claim name=value}, {@code --tenant
 * id[:role,...]}, {@code --expires 90d|12h|30m|45s|<ISO instant>|never}, and a secret from standard input.
 * Every failure is a usage error naming the option.
 *
 * @since 0.1
 */
final class AccessKeyArgs {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhdw])");

    private AccessKeyArgs() {
    }

    /**
     * {@code name=value} pairs; a value that is JSON ({@code 3}, {@code true}, {@code ["a"]}, {@code {"a":1}},
     * {@code "007"}) keeps its type, anything else is a string.
     */
    static Map<String, Object> claims(List<String> pairs, String option) {
        if (pairs == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CliException(ExitCode.USAGE, option + " " + pair + ": expected name=value");
            }
            out.put(pair.substring(0, eq).trim(), jsonOrString(pair.substring(eq + 1)));
        }
        return out;
    }

    private static Object jsonOrString(String v) {
        try {
            Object parsed = JsonCodec.read(v, Object.class);
            return parsed == null ? v : parsed;
        } catch (IllegalArgumentException notJson) {
            return v;
        }
    }

    /** {@code id} or {@code id:role1,role2}. */
    static List<KeyTenant> tenants(List<String> specs) {
        if (specs == null) {
            return null;
        }
        List<KeyTenant> out = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            String id = (colon < 0 ? spec : spec.substring(0, colon)).trim();
            if (id.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "--tenant " + spec + ": expected <tenantId>[:<role>,...]");
            }
            List<String> roles = colon < 0 ? List.of() : Arrays.stream(spec.substring(colon + 1).split(","))
                    .map(String::trim).filter(r -> !r.isEmpty()).toList();
            out.add(KeyTenant.of(id, roles));
        }
        return out;
    }

    /** An expiry: a lifetime from now ({@code 90d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 2w}), an ISO instant, or {@code never} (null). */
    static Instant expiry(String value, Clock clock) {
        if (value == null || value.equalsIgnoreCase("never")) {
            return null;
        }
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        Instant at;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            at = clock.instant().plus(d);
        } else {
            try {
                at = Instant.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new CliException(ExitCode.USAGE, "--expires " + value
                        + ": expected a lifetime (90d, 12h, 30m, 45s, 2w), an ISO-8601 instant, or never");
            }
        }
        if (!at.isAfter(clock.instant())) {
            throw new CliException(ExitCode.USAGE, "--expires " + value + ": the expiry must be in the future");
        }
        return at;
    }

    /** The first line of standard input, trimmed; a usage error when it is empty. */
    static String firstLine(InputStream in, String option) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw new CliException(ExitCode.USAGE, option + ": standard input is empty");
            }
            return line.trim();
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, option + ": cannot read standard input: " + e.getMessage(), null, e);
        }
    }
}
