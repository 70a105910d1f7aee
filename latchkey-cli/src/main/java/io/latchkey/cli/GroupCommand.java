package io.latchkey.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A group of subcommands ({@code user}, {@code keys}, {@code audit}): called alone, it shows its usage on
 * stderr and ends with the usage exit code.
 *
 * @since 0.1
 */
abstract class GroupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
