package io.latchkey.cli;

import io.latchkey.sdk.JsonCodec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a command prints. Results go to stdout; notes, warnings and errors to stderr. Under
 * {@code --json} stdout carries exactly one JSON document and nothing else, so commands hand both forms to
 * {@link #result(Object, Runnable)} and this class prints the one that applies. Colors only when stdout
 * is a terminal and neither {@code --no-color} nor {@code NO_COLOR} says otherwise.
 *
 * @since 0.1
 */
final class Output {
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean color;

    Output(PrintWriter out, PrintWriter err, boolean json, boolean color) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.color = color;
    }

    boolean json() {
        return json;
    }

    /** Prints {@code document} as JSON under {@code --json}, else runs {@code text}. */
    void result(Object document, Runnable text) {
        if (json) {
            out.println(JsonCodec.writePretty(document));
        } else {
            text.run();
        }
        out.flush();
    }

    /** Text exactly as given (no newline added), flushed; for results that are files (export). */
    void print(String text) {
        out.print(text);
        out.flush();
    }

    /** A line of the text result. */
    void line(String text) {
        out.println(text);
    }

    /** A note for the person (stderr, so it never mixes with results). */
    void note(String text) {
        err.println(text);
        err.flush();
    }

    void warn(String text) {
        err.println(yellow("warning: ") + text);
        err.flush();
    }

    /** Aligned "name: value" lines; null values are left out. */
    void fields(Map<String, String> fields) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((k, v) -> {
            if (v != null) {
                out.println(bold(pad(k + ":", width + 1)) + " " + v);
            }
        });
    }

    /** A table with a header row; {@code empty} is printed instead when there are no rows. */
    void table(List<String> headers, List<List<String>> rows, String empty) {
        if (rows.isEmpty()) {
            out.println(dim(empty));
            return;
        }
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        out.println(bold(row(headers, widths)));
        rows.forEach(r -> out.println(row(r, widths)));
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            b.append(i == widths.length - 1 ? cell(cells, i) : pad(cell(cells, i), widths[i]) + "  ");
        }
        return b.toString().stripTrailing();
    }

    private static String cell(List<String> row, int i) {
        String v = i < row.size() ? row.get(i) : null;
        return v == null ? "-" : v;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    String bold(String s) {
        return paint("\u001b[1m", s);
    }

    String green(String s) {
        return paint("\u001b[32m", s);
    }

    String red(String s) {
        return paint("\u001b[31m", s);
    }

    String yellow(String s) {
        return paint("\u001b[33m", s);
    }

    String dim(String s) {
        return paint("\u001b[2m", s);
    }

    private String paint(String code, String s) {
        return color ? code + s + RESET : s;
    }
}
