package io.latchkey.server;

import io.latchkey.core.ratelimit.AttemptLimits;
import io.latchkey.core.ratelimit.AttemptPolicy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw configuration: one string per {@link ConfigKey}, merged from flags, environment and an optional
 * properties file, with the source of each value kept for the start-up log. Frozen once built.
 *
 * @since 0.1
 */
public final class ServerConfig {
    private static final Pattern DURATION = Pattern.compile("^(\\d+)(ms|s|m|h|d)$");
    private static final Pattern URL_SECRET = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URL_USERINFO = Pattern.compile("(://[^:/@]+:)[^@/]*@");

    private final Map<ConfigKey, String> values;
    private final Map<ConfigKey, String> sources;

    private ServerConfig(Map<ConfigKey, String> values, Map<ConfigKey, String> sources) {
        this.values = values;
        this.sources = sources;
    }

    /**
     * Merges the three sources. Unknown keys in the file or flags fail start-up: a misspelt setting should
     * not be silently ignored.
     *
     * @param flags values given on the command line, by key
     * @param env the process environment
     * @param file an optional properties file, or null
     */
    public static ServerConfig load(Map<String, String> flags, Map<String, String> env, Path file) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, String> sources = new EnumMap<>(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            if (k.defaultValue() != null) {
                values.put(k, k.defaultValue());
                sources.put(k, "default");
            }
        }
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read configuration file " + file + ": " + e.getMessage());
            }
            for (String name : p.stringPropertyNames()) {
                ConfigKey k = ConfigKey.fromKey(name.trim());
                if (k == null) {
                    throw new IllegalStateException("unknown setting '" + name + "' in " + file);
                }
                values.put(k, p.getProperty(name).trim());
                sources.put(k, "file");
            }
        }
        for (ConfigKey k : ConfigKey.values()) {
            String v = env.get(k.envName());
            if (v != null && !v.isEmpty()) {
                values.put(k, v);
                sources.put(k, "env");
            }
        }
        flags.forEach((name, v) -> {
            ConfigKey k = ConfigKey.fromKey(name);
            if (k == null) {
                throw new IllegalStateException("unknown setting --" + name);
            }
            if (v != null) {
                values.put(k, v);
                sources.put(k, "flag");
            }
        });
        return new ServerConfig(values, sources);
    }

    public String get(ConfigKey k) {
        return values.get(k);
    }

    public int getInt(ConfigKey k) {
        String v = values.get(k);
        try {
            return Integer.parseInt(v.trim());
        } catch (RuntimeException e) {
            throw new IllegalStateException(k.key() + " must be an integer, got '" + v + "'");
        }
    }

    /** Durations as {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}, {@code 1d} or ISO-8601 ({@code PT1H}). */
    public Duration getDuration(ConfigKey k) {
        return parseDuration(k, values.get(k));
    }

    private static Duration parseDuration(ConfigKey k, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalStateException(k.key() + " must be a duration such as 30s, 5m or 1h, got '" + v + "'");
        }
    }

    /**
     * The operator's lockout policies: every {@code lockout-<name>} key of {@link AttemptLimits},
     * each {@code <failures>/<window>/<lockout>} (e.g. {@code 5/15m/15m}).
     */
    public AttemptLimits attemptLimits() {
        Map<String, AttemptPolicy> overrides = new LinkedHashMap<>();
        for (AttemptPolicy d : AttemptLimits.DEFAULTS) {
            ConfigKey k = ConfigKey.fromKey("lockout-" + d.name());
            if (k == null) {
                throw new IllegalStateException("no configuration key for lockout policy " + d.name());
            }
            String[] parts = values.get(k).trim().split("/");
            if (parts.length != 3) {
                throw new IllegalStateException(k.key() + " must be <failures>/<window>/<lockout> such as 5/15m/15m, got '"
                        + values.get(k) + "'");
            }
            int failures;
            try {
                failures = Integer.parseInt(parts[0].trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(k.key() + ": failures must be an integer, got '" + parts[0] + "'");
            }
            if (failures < 1) {
                throw new IllegalStateException(k.key() + ": failures must be at least 1");
            }
            Duration window = parseDuration(k, parts[1]);
            Duration lockout = parseDuration(k, parts[2]);
            if (window.isZero() || window.isNegative() || lockout.isZero() || lockout.isNegative()) {
                throw new IllegalStateException(k.key() + ": window and lockout must be positive");
            }
            overrides.put(d.name(), d.withLimits(failures, window, lockout));
        }
        return AttemptLimits.of(overrides);
    }

    /** The effective configuration with secrets masked (also passwords inside JDBC URLs), for the start-up log. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigKey k : ConfigKey.values()) {
            String v = values.get(k);
            if (v == null) {
                continue;
            }
            String shown = k.secret() ? "****" : mask(v);
            out.put(k.key(), shown + " (" + sources.get(k) + ")");
        }
        return out;
    }

    static String mask(String value) {
        String v = URL_SECRET.matcher(value).replaceAll("$1****");
        return URL_USERINFO.matcher(v).replaceAll("$1****@");
    }
}
