package io.latchkey.cli;

import io.latchkey.sdk.SecretLocation;
import picocli.CommandLine.Option;

/**
 * Where the secrets commands work: {@code --project} (else {@code LATCHKEY_PROJECT}, else the profile's
 * selected project), {@code --env} (default {@code dev}) and {@code --path} (default {@code /}). A mixin of
 * {@code secrets}, {@code folder} and {@code run}.
 *
 * @since 0.1
 */
final class SecretScopeOptions {
    static final String PROJECT_VARIABLE = ProjectCommand.PROJECT_VARIABLE;

    @Option(names = {"--project", "-p"}, paramLabel = "<projectId>", order = 1,
            description = "The project (default: " + PROJECT_VARIABLE + ", else the profile's selected project).")
    String project;

    @Option(names = {"--env", "-e"}, paramLabel = "<slug>", order = 2, defaultValue = "dev",
            description = "The environment's slug (default: ${DEFAULT-VALUE}).")
    String environment;

    @Option(names = "--path", paramLabel = "<path>", order = 3, defaultValue = "/",
            description = "The folder, e.g. /db (default: ${DEFAULT-VALUE}).")
    String path;

    SecretLocation location(CliSession s) {
        String p = path.startsWith("/") ? path : "/" + path;
        return new SecretLocation(projectId(s, project), environment, p);
    }

    /** The project from its option, the environment or the profile; a usage error when none says. */
    static String projectId(CliSession s, String option) {
        if (option != null && !option.isBlank()) {
            return option.trim();
        }
        String v = s.variable(PROJECT_VARIABLE);
        if (v != null) {
            return v.trim();
        }
        String selected = s.profile().projectId();
        if (selected != null) {
            return selected;
        }
        throw new CliException(ExitCode.USAGE, "no project given",
                "pass --project <projectId> or set " + PROJECT_VARIABLE);
    }
}
