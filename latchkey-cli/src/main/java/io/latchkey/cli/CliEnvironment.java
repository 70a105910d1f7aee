package io.latchkey.cli;

import io.latchkey.sdk.HttpTransport;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line reads from its process: environment variables, the home folder, the output
 * streams, the terminal. Only {@link #system()} touches the real process, so tests run commands in memory.
 *
 * @param variables environment variables
 * @param home      the user's home folder
 * @param out       standard output: results only
 * @param err       standard error: errors, warnings, notes
 * @param prompter  the terminal, or {@link Prompter#NONE}
 * @param transport the SDK transport; null for the network
 * @param clock     the clock (expiry shown by login and whoami)
 * @param stdin     standard input: values piped in ({@code secrets set}, {@code kms encrypt}, client secrets)
 * @since 0.1
 */
record CliEnvironment(Map<String, String> variables, Path home, PrintWriter out, PrintWriter err, Prompter prompter,
                      HttpTransport transport, Clock clock, InputStream stdin) {

    /** An environment whose standard input is empty. */
    CliEnvironment(Map<String, String> variables, Path home, PrintWriter out, PrintWriter err, Prompter prompter,
                   HttpTransport transport, Clock clock) {
        this(variables, home, out, err, prompter, transport, clock, InputStream.nullInputStream());
    }

    CliEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables cannot be null"));
        Objects.requireNonNull(home, "home cannot be null");
        Objects.requireNonNull(out, "out cannot be null");
        Objects.requireNonNull(err, "err cannot be null");
        Objects.requireNonNull(prompter, "prompter cannot be null");
        Objects.requireNonNull(clock, "clock cannot be null");
        Objects.requireNonNull(stdin, "stdin cannot be null");
    }

    static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), Prompter.system(), null, Clock.systemUTC(),
                System.in);
    }

    /** A variable, or null when unset or empty. */
    String variable(String name) {
        String v = variables.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** Whether colors may be used at all: a terminal, no NO_COLOR (https://no-color.org), not TERM=dumb. */
    boolean colorCapable() {
        String term = variable("TERM");
        return prompter.interactive() && variable("NO_COLOR") == null
                && (term == null || !term.toLowerCase(Locale.ROOT).equals("dumb"));
    }
}
