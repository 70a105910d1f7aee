package io.latchkey.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code latchkey} command. Subcommands that talk to a server use the SDK; the
 * distribution adds the server's own commands ({@code serve}).
 *
 * @since 0.1
 */
@Command(name = "latchkey", mixinStandardHelpOptions = true, version = "latchkey 0.1.0",
        description = "Latchkey: identity and access for machines and the people who run them.",
        subcommands = {CommandLine.HelpCommand.class})
public final class LatchkeyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A command line with every client subcommand registered. */
    public static CommandLine commandLine() {
        return new CommandLine(new LatchkeyCommand());
    }
}
