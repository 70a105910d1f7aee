package io.latchkey.core.secrets;

import io.latchkey.core.support.Require;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands secret references in values (specs/infisical.md section 4): {@code ${NAME}} is {@code NAME} in
 * the same environment and folder, {@code ${env.NAME}} is {@code NAME} at the root of environment
 * {@code env}, {@code ${env.a.b.NAME}} is {@code NAME} in folder {@code /a/b} of {@code env}. A referenced
 * value is expanded in turn, relative to its own place.
 *
 * <p>Bounds, so that no value can make a read expensive: references nest at most {@link #MAX_DEPTH} deep, at
 * most {@link #MAX_REFERENCES} are resolved per expansion and the result is cut at
 * {@link #MAX_EXPANDED_CHARS}. A reference that cannot be resolved (unknown, not readable by the caller,
 * part of a cycle, too deep, past a limit) becomes the empty string and is reported as a {@link Problem};
 * the rest of the value still expands. Text that is not a well-formed reference (for example {@code ${a b}})
 * is left as it is. There is no escape syntax.
 *
 * <p>Pure: all reads go through the caller's {@link Lookup}, which applies access checks and caching.
 *
 * @since 0.1
 */
public final class SecretReferences {
    public static final int MAX_DEPTH = 5;
    public static final int MAX_REFERENCES = 100;
    public static final int MAX_EXPANDED_CHARS = 262_144;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]{1,1024})}");

    private SecretReferences() {
    }

    /** Why a reference expanded to the empty string. Wire names: never change them. */
    public enum Reason {
        UNRESOLVABLE("unresolvable"), CYCLE("cycle"), DEPTH_EXCEEDED("depth_exceeded"), LIMIT_EXCEEDED("limit_exceeded");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** A reference that expanded to the empty string. */
    public record Problem(String reference, Reason reason) {
    }

    /** The expanded value with the problems met on the way. */
    public record Expanded(String value, List<Problem> problems) {
        public Expanded {
            problems = List.copyOf(problems);
        }

        @Override
        public String toString() {
            return "Expanded[value=***, problems=" + problems + "]";
        }
    }

    /** Reads the stored (unexpanded) value of a secret, or empty when it does not exist or may not be read. */
    @FunctionalInterface
    public interface Lookup {
        Optional<String> value(String environment, SecretPath path, String name);
    }

    /** True when the value contains something that may be a reference (the cheap test before expanding). */
    public static boolean mayContainReferences(String value) {
        return value != null && value.contains("${");
    }

    /**
     * Expands {@code value}, the value of secret {@code name} at ({@code environment}, {@code path}).
     */
    public static Expanded expand(String value, String environment, SecretPath path, String name, Lookup lookup) {
        Require.nonNull(lookup, "lookup");
        if (!mayContainReferences(value)) {
            return new Expanded(value, List.of());
        }
        Expansion e = new Expansion(lookup);
        e.stack.push(key(environment, path, name));
        String out = e.expand(value, environment, path, 0);
        return new Expanded(out, e.problems);
    }

    private static String key(String environment, SecretPath path, String name) {
        return environment + "|" + path.value() + "|" + name;
    }

    /** One target of a reference. */
    private record Target(String environment, SecretPath path, String name) {
    }

    private static Optional<Target> parse(String body, String environment, SecretPath path) {
        String[] parts = body.split("\\.", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                return Optional.empty();
            }
        }
        if (parts.length == 1) {
            return Optional.of(new Target(environment, path, parts[0]));
        }
        SecretPath target = SecretPath.ROOT;
        for (int i = 1; i < parts.length - 1; i++) {
            if (!SecretPath.isFolderName(parts[i]) || i > SecretPath.MAX_DEPTH) {
                return Optional.empty();
            }
            target = target.child(parts[i]);
        }
        return Optional.of(new Target(parts[0], target, parts[parts.length - 1]));
    }

    /** The state of one top-level expansion. */
    private static final class Expansion {
        private final Lookup lookup;
        private final Deque<String> stack = new ArrayDeque<>();
        private final List<Problem> problems = new ArrayList<>();
        private int resolved;

        Expansion(Lookup lookup) {
            this.lookup = lookup;
        }

        String expand(String value, String environment, SecretPath path, int depth) {
            Matcher m = REFERENCE.matcher(value);
            StringBuilder out = new StringBuilder(value.length());
            int last = 0;
            while (m.find()) {
                out.append(value, last, m.start());
                out.append(resolve(m.group(), m.group(1), environment, path, depth));
                last = m.end();
                if (out.length() > MAX_EXPANDED_CHARS) {
                    problems.add(new Problem(m.group(), Reason.LIMIT_EXCEEDED));
                    return out.substring(0, MAX_EXPANDED_CHARS);
                }
            }
            out.append(value, last, value.length());
            return out.length() > MAX_EXPANDED_CHARS ? out.substring(0, MAX_EXPANDED_CHARS) : out.toString();
        }

        private String resolve(String text, String body, String environment, SecretPath path, int depth) {
            Optional<Target> target = parse(body, environment, path);
            if (target.isEmpty()) {
                return fail(text, Reason.UNRESOLVABLE);
            }
            Target t = target.get();
            String key = key(t.environment(), t.path(), t.name());
            if (stack.contains(key)) {
                return fail(text, Reason.CYCLE);
            }
            if (depth >= MAX_DEPTH) {
                return fail(text, Reason.DEPTH_EXCEEDED);
            }
            if (++resolved > MAX_REFERENCES) {
                return fail(text, Reason.LIMIT_EXCEEDED);
            }
            Optional<String> found = lookup.value(t.environment(), t.path(), t.name());
            if (found.isEmpty()) {
                return fail(text, Reason.UNRESOLVABLE);
            }
            if (!mayContainReferences(found.get())) {
                return found.get();
            }
            stack.push(key);
            try {
                return expand(found.get(), t.environment(), t.path(), depth + 1);
            } finally {
                stack.pop();
            }
        }

        private String fail(String text, Reason reason) {
            problems.add(new Problem(text, reason));
            return "";
        }
    }
}
