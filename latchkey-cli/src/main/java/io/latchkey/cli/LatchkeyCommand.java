package io.latchkey.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The top-level {@code latchkey} command. Subcommands that talk to a server use the SDK; the
 * distribution adds the server's own commands ({@code serve}).
 *
 * <p>Every command accepts the {@link GlobalOptions}; errors are printed by {@link ErrorReporter} and end
 * with an {@link ExitCode} listed in the help footer.
 *
 * @since 0.1
 */
@Command(name = "latchkey", mixinStandardHelpOptions = true, version = "latchkey 0.1.0",
        description = "Latchkey: identity and access for machines and the people who run them.",
        subcommands = {BootstrapCommand.class, LoginCommand.class, LogoutCommand.class, WhoamiCommand.class,
                UserCommand.class, KeysCommand.class, AuditCommand.class, CompletionCommand.class,
                ManagementKeysCommand.class, AccessKeysCommand.class, RolesCommand.class, PermissionsCommand.class,
                TenantsCommand.class,
                ProjectsCommand.class, PrincipalCommand.class, PolicyCommand.class, TokenCommand.class,
                IdentityCommand.class, SecretsCommand.class, FolderCommand.class, RunCommand.class, KmsCommand.class,
                CommandLine.HelpCommand.class})
public final class LatchkeyCommand implements Callable<Integer> {
    private static final String[] EXAMPLES = {"", "Examples:",
            "  latchkey bootstrap --email owner@example.com --organization Acme",
            "  latchkey login --email owner@example.com",
            "  latchkey user list",
            "  latchkey project create --name payments --select",
            "  latchkey token create-token -n ci-deployer -g -w",
            "  latchkey --json audit verify",
            "", "Profiles: ~/.config/latchkey/config.json (or $LATCHKEY_CONFIG_DIR).",
            "LATCHKEY_TOKEN overrides the stored token."};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GlobalOptions options = new GlobalOptions();

    private final CliEnvironment env;
    private CliSession session;

    LatchkeyCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(env.out());
        return ExitCode.OK.code();
    }

    /** The session of this invocation, created once the options are parsed. */
    CliSession session() {
        if (session == null) {
            session = new CliSession(options, env);
        }
        return session;
    }

    /** A command line with every client subcommand registered, reading the real process environment. */
    public static CommandLine commandLine() {
        return commandLine(CliEnvironment.system());
    }

    static CommandLine commandLine(CliEnvironment env) {
        LatchkeyCommand root = new LatchkeyCommand(env);
        CommandLine cli = new CommandLine(root);
        cli.setOut(env.out());
        cli.setErr(env.err());
        cli.getCommandSpec().usageMessage().footer(footer());
        cli.setColorScheme(Help.defaultColorScheme(env.colorCapable() ? Help.Ansi.AUTO : Help.Ansi.OFF));
        cli.setExecutionStrategy(parsed -> {
            if (root.options.noColor) {
                cli.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> root.report(ex));
        // run: everything from the command's name on is the command's, even without "--".
        cli.getSubcommands().get("run").setStopAtPositional(true);
        return cli;
    }

    private int report(Exception ex) {
        String server;
        try {
            server = session().server();
        } catch (RuntimeException unreadableConfig) {
            server = options.server != null ? options.server : CliSession.DEFAULT_SERVER;
        }
        return new ErrorReporter(env.err(), options.json, env.variable("LATCHKEY_DEBUG") != null).report(ex, server);
    }

    private static String[] footer() {
        List<String> lines = new ArrayList<>(List.of(EXAMPLES));
        lines.addAll(List.of(ExitCode.helpFooter()));
        return lines.toArray(String[]::new);
    }
}
