package io.latchkey.cli;

import io.latchkey.sdk.AccessKeysApi;
import io.latchkey.sdk.LatchkeyClient;
import picocli.CommandLine.Option;

/**
 * A command that acts on one project (access keys and what they use). The project comes from
 * {@code --project}, else {@code LATCHKEY_PROJECT}, else the profile's selected project.
 *
 * @since 0.1
 */
abstract class ProjectCommand extends LeafCommand {
    static final String PROJECT_VARIABLE = "LATCHKEY_PROJECT";

    @Option(names = {"--project", "-P"}, paramLabel = "<projectId>", order = 0,
            description = "The project (default: LATCHKEY_PROJECT, else the profile's selected project).")
    String project;

    @Override
    final ExitCode run(CliSession s) {
        return run(s, projectId(s));
    }

    abstract ExitCode run(CliSession s, String projectId);

    /** The project's access-key resources; a malformed project id is a usage error, caught before any request. */
    static AccessKeysApi accessKeys(LatchkeyClient client, String projectId) {
        try {
            return client.accessKeys(projectId);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--project " + projectId + ": " + e.getMessage(), null, e);
        }
    }

    private String projectId(CliSession s) {
        return resolve(s, project);
    }

    /**
     * The project of commands that cannot extend this class ({@code project get}, {@code token create-token -w}):
     * {@code given}, else {@code LATCHKEY_PROJECT}, else the profile's selected project.
     */
    static String resolve(CliSession s, String given) {
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        String fromEnv = s.variable(PROJECT_VARIABLE);
        if (fromEnv != null) {
            return fromEnv.trim();
        }
        String selected = s.profile().projectId();
        if (selected != null) {
            return selected;
        }
        throw new CliException(ExitCode.USAGE, "no project given",
                "pass --project <projectId> (or set " + PROJECT_VARIABLE + ", or select a project in the profile)");
    }
}
