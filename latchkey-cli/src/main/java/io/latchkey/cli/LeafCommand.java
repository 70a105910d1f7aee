package io.latchkey.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that does something (as opposed to a group such as {@code user}). Failures are thrown and
 * turned into an exit code by the root's {@link ErrorReporter}.
 *
 * @since 0.1
 */
abstract class LeafCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        return run(CliSession.of(spec)).code();
    }

    abstract ExitCode run(CliSession session);
}
