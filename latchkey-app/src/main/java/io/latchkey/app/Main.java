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
        if (!java.util.Arrays.asList(args).contains("serve")) {
            // Client commands log nothing; skip initialising Logback (about 150 ms per command), which the
            // JDK HTTP client's platform logger would otherwise trigger.
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            // SLF4J reports the explicitly chosen provider with an INFO line on stderr; a command's stderr
            // carries its own messages only.
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        if (args.length > 0 && "serve".equals(args[0])) {
            // The server needs none of the client commands; building their picocli model (reflection over
            // some sixty commands) was a fifth of the time to ready.
            CommandLine serve = new CommandLine(new ServeCommand()).setCommandName("latchkey serve");
            int code = serve.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
            if (code != 0) {
                System.exit(code);
            }
            return;
        }
        CommandLine cli = LatchkeyCommand.commandLine();
        cli.addSubcommand("serve", new ServeCommand());
        int code = cli.execute(args);
        if (!(args.length > 0 && "serve".equals(args[0]) && code == 0)) {
            System.exit(code);
        }
    }
}
