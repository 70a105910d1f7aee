package io.latchkey.core.secrets;

import io.latchkey.core.error.LatchkeyException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A normalized folder path inside an environment: {@code /} or {@code /a/b}, no trailing slash, every
 * segment a valid folder name (letters, digits, {@code -} and {@code _}: specs/infisical.md section 5).
 *
 * <p>Clients send {@code secretPath} loosely ({@code /a/b/}, {@code a/b}); {@link #parse} accepts those and
 * rejects what cannot name a folder ({@code //}, {@code ..}, spaces), naming the field. The canonical
 * constructor only accepts the normalized form, so a {@code SecretPath} held anywhere is always valid.
 *
 * <p>Trap: the path is part of resource names ({@link SecretsAccess#secretAri}) and of SQL prefix matches;
 * both rely on segments never containing {@code /}, {@code *}, {@code %} or {@code ?}.
 *
 * @since 0.1
 */
public record SecretPath(String value) {
    /** The root folder of an environment. */
    public static final SecretPath ROOT = new SecretPath("/");
    public static final int MAX_SEGMENT = 64;
    public static final int MAX_DEPTH = 20;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_SEGMENT + "}");

    public SecretPath {
        if (value == null || !value.equals(normalizeOrNull(value))) {
            throw new IllegalArgumentException("not a normalized folder path");
        }
    }

    /** Parses a client-supplied path; null or blank means the root. */
    public static SecretPath parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return ROOT;
        }
        String n = normalizeOrNull(raw.trim());
        if (n == null) {
            throw LatchkeyException.invalidField(field, field + " must be / or /-separated folder names of letters, digits,"
                    + " - and _ (at most " + MAX_DEPTH + " levels)");
        }
        return n.equals("/") ? ROOT : new SecretPath(n);
    }

    /** True when {@code name} is a valid folder name. */
    public static boolean isFolderName(String name) {
        return name != null && SEGMENT.matcher(name).matches();
    }

    private static String normalizeOrNull(String raw) {
        if (raw.contains("//")) {
            return null;
        }
        String s = raw.startsWith("/") ? raw : "/" + raw;
        if (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.equals("/")) {
            return s;
        }
        String[] parts = s.substring(1).split("/", -1);
        if (parts.length > MAX_DEPTH) {
            return null;
        }
        for (String p : parts) {
            if (!isFolderName(p)) {
                return null;
            }
        }
        return s;
    }

    public boolean isRoot() {
        return value.equals("/");
    }

    /** The containing folder; the root's parent is the root. */
    public SecretPath parent() {
        int i = value.lastIndexOf('/');
        return i <= 0 ? ROOT : new SecretPath(value.substring(0, i));
    }

    /** The last segment, or null for the root. */
    public String name() {
        return isRoot() ? null : value.substring(value.lastIndexOf('/') + 1);
    }

    public SecretPath child(String name) {
        if (!isFolderName(name)) {
            throw new IllegalArgumentException("not a folder name");
        }
        return new SecretPath(isRoot() ? "/" + name : value + "/" + name);
    }

    /** The folder names from the root down. */
    public List<String> segments() {
        return isRoot() ? List.of() : List.of(value.substring(1).split("/"));
    }

    /** Every folder from the first level down to this one ({@code /a}, {@code /a/b}); empty for the root. */
    public List<SecretPath> lineage() {
        List<SecretPath> out = new ArrayList<>();
        SecretPath p = ROOT;
        for (String s : segments()) {
            p = p.child(s);
            out.add(p);
        }
        return out;
    }

    /** True when this path equals {@code ancestor} or lies below it. */
    public boolean isWithin(SecretPath ancestor) {
        return ancestor.isRoot() || value.equals(ancestor.value) || value.startsWith(ancestor.value + "/");
    }

    /** This path with the prefix {@code from} replaced by {@code to}; requires {@link #isWithin}(from). */
    public SecretPath rebase(SecretPath from, SecretPath to) {
        if (!isWithin(from)) {
            throw new IllegalArgumentException("path is not within the prefix");
        }
        String rest = value.equals(from.value) ? "" : from.isRoot() ? value : value.substring(from.value.length());
        String joined = rest.isEmpty() ? to.value : to.isRoot() ? rest : to.value + rest;
        return joined.equals("/") ? ROOT : new SecretPath(joined);
    }

    /** The path as it appears inside resource names: empty for the root, else the path itself. */
    String ariPart() {
        return isRoot() ? "" : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
