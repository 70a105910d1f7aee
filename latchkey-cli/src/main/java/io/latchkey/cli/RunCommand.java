package io.latchkey.cli;

import io.latchkey.sdk.SecretListOptions;
import io.latchkey.sdk.SecretLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code latchkey run -- <command> [args...]}: starts a command with a folder's secrets (and its imports)
 * in its environment, and ends with the command's exit code.
 *
 * <p>The values go only into the child's environment: nothing is printed or written. The child shares the
 * terminal (standard streams are inherited), so Ctrl-C reaches it directly; when this process is asked to
 * stop (SIGTERM, SIGINT, SIGHUP), a shutdown hook asks the child to stop too and waits up to
 * {@link #GRACE_SECONDS} seconds before killing it. A child ended by a signal ends this command with
 * 128 + the signal number, as shells report it. A command that cannot be started ends with 127.
 *
 * <p>Not a {@link LeafCommand}: its exit code is the child's, not one of {@link ExitCode}.
 *
 * @since 0.1
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a command with a folder's secrets as environment variables.",
                "Secrets override variables of the same name; names that are not valid variable names are",
                "skipped with a warning. The values are never printed. The exit code is the command's."},
        footer = {"", "Examples:", "  latchkey run --env prod -- ./server --port 8080",
                "  latchkey run --env prod --path /db -- sh -c 'psql \"$DATABASE_URL\"'",
                "  LATCHKEY_CLIENT_ID=... LATCHKEY_CLIENT_SECRET=... latchkey run --project P... --env prod -- make deploy",
                "", "Put -- before the command, so that its own options are not read as latchkey's."})
final class RunCommand implements Callable<Integer> {
    static final int GRACE_SECONDS = 10;
    static final int CANNOT_START = 127;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Spec
    CommandSpec spec;

    @Mixin
    SecretScopeOptions scope = new SecretScopeOptions();

    @Option(names = "--no-imports", description = "Leave out the secrets the folder imports.")
    boolean noImports;

    @Parameters(arity = "1..*", paramLabel = "<command>", description = "The command and its arguments.")
    List<String> command;

    @Override
    public Integer call() {
        CliSession s = CliSession.of(spec);
        SecretLocation where = scope.location(s);
        Map<String, String> values = s.client().secrets().list(where, SecretListOptions.defaults().withImports(!noImports))
                .effectiveValues();
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        int injected = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!VARIABLE.matcher(e.getKey()).matches()) {
                s.output().warn("skipped " + e.getKey() + ": not a valid environment variable name");
            } else if (e.getValue() != null) {
                pb.environment().put(e.getKey(), e.getValue());
                injected++;
            }
        }
        if (!s.output().json()) {
            s.output().note(s.output().dim("Injecting " + injected + " secrets from " + SecretsCommand.where(where)));
        }
        return runChild(s, pb);
    }

    private int runChild(CliSession s, ProcessBuilder pb) {
        // INVARIANT: the hook is registered before the child starts, and both sides decide under one lock,
        // so a stop request that arrives while the child is being started never leaves it running alone.
        ChildGuard guard = new ChildGuard();
        Thread stopChild = new Thread(guard::stopping, "latchkey-run-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            Process child = guard.start(pb);
            if (child == null) {
                return 128 + 15;
            }
            return child.waitFor();
        } catch (IOException e) {
            s.output().note("latchkey: error: cannot run " + command.get(0) + ": " + e.getMessage());
            return CANNOT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            guard.stopping();
            return 128 + 2;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the child
            }
        }
    }

    /** The child process and whether this process is stopping, decided under one lock. */
    private static final class ChildGuard {
        private Process child; // guarded by this
        private boolean stopping; // guarded by this

        /** Starts the child, or returns null when this process is already stopping. */
        synchronized Process start(ProcessBuilder pb) throws IOException {
            if (stopping) {
                return null;
            }
            child = pb.start();
            return child;
        }

        void stopping() {
            Process c;
            synchronized (this) {
                stopping = true;
                c = child;
            }
            if (c != null) {
                stop(c);
            }
        }
    }

    /** Asks the child to stop (SIGTERM), then kills it after the grace period. */
    static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
    }
}
