package io.latchkey.app;

import io.latchkey.cli.LatchkeyCommand;
import io.latchkey.server.ServeCommand;
import picocli.CommandLine;

/**
 * Entry point of the distribution: the client command line plus {@code serve}.
 *
 * @since 0.1
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = LatchkeyCommand.commandLine();
        cli.addSubcommand("serve", new ServeCommand());
        int code = cli.execute(args);
        if (!(args.length > 0 && "serve".equals(args[0]) && code == 0)) {
            System.exit(code);
        }
    }
}
