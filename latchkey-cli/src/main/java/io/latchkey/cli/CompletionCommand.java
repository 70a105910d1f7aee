package io.latchkey.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code latchkey completion bash|zsh}: prints a shell completion script.
 *
 * @since 0.1
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash or zsh.",
                "The zsh script uses zsh's bash-completion compatibility (bashcompinit)."},
        footer = {"", "Examples:", "  source <(latchkey completion bash)",
                "  latchkey completion bash > /etc/bash_completion.d/latchkey",
                "  latchkey completion zsh > \"${fpath[1]}/_latchkey\""})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<shell>", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("latchkey", spec.root().commandLine());
        if (shell == Shell.zsh) {
            script = "#compdef latchkey\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
