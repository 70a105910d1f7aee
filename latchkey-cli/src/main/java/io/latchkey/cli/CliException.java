package io.latchkey.cli;

import java.util.Objects;

/**
 * A failure the command line detected itself (missing input, not logged in, a broken config file), with
 * the exit code it ends with and an optional hint that tells the user what to do.
 *
 * @since 0.1
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;
    private final String hint;

    CliException(ExitCode exitCode, String message) {
        this(exitCode, message, null, null);
    }

    CliException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    CliException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(Objects.requireNonNull(message, "message cannot be null"), cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode cannot be null");
        this.hint = hint;
    }

    ExitCode exitCode() {
        return exitCode;
    }

    /** What to do about it, or null. */
    String hint() {
        return hint;
    }
}
