package io.latchkey.cli;

import io.latchkey.sdk.AccessKeyPermission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;

/**
 * {@code latchkey permissions create|list|delete}: a project's permission names for access keys.
 *
 * @since 0.1
 */
@Command(name = "permissions", mixinStandardHelpOptions = true,
        description = "Manage a project's access-key permissions.",
        subcommands = {PermissionsCommand.Create.class, PermissionsCommand.ListPermissions.class, PermissionsCommand.Delete.class},
        footer = {"", "Examples:", "  latchkey permissions create --project P2a... --name reports:read",
                "  latchkey permissions list --project P2a...", "  latchkey permissions delete reports:read --project P2a..."})
final class PermissionsCommand extends GroupCommand {

    /** {@code permissions create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create a permission.",
            footer = {"", "Examples:", "  latchkey permissions create --project P2a... --name reports:read --description \"Read reports\""})
    static final class Create extends ProjectCommand {
        @Option(names = "--name", paramLabel = "<name>", description = "The permission (prompted when missing).")
        String name;

        @Option(names = "--description", paramLabel = "<text>", description = "A description.")
        String description;

        @Override
        ExitCode run(CliSession s, String projectId) {
            var permissions = ProjectCommand.accessKeys(s.client(), projectId).permissions();
            AccessKeyPermission p = permissions.create(s.input(name, "--name", "Name"), description);
            Output out = s.output();
            out.result(p, () -> out.line(out.green("Created") + " permission " + p.name() + "."));
            return ExitCode.OK;
        }
    }

    /** {@code permissions list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List a project's access-key permissions.",
            footer = {"", "Examples:", "  latchkey permissions list --project P2a...",
                    "  latchkey --json permissions list --project P2a..."})
    static final class ListPermissions extends ProjectCommand {
        @Override
        ExitCode run(CliSession s, String projectId) {
            List<AccessKeyPermission> all = ProjectCommand.accessKeys(s.client(), projectId).permissions().list();
            Output out = s.output();
            out.result(Map.of("permissions", all), () -> out.table(List.of("NAME", "DESCRIPTION", "CREATED"),
                    all.stream().map(p -> java.util.Arrays.asList(p.name(), p.description(), Formats.time(p.createdAt()))).toList(),
                    "No permissions."));
            return ExitCode.OK;
        }
    }

    /** {@code permissions delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a permission.",
            footer = {"", "Examples:", "  latchkey permissions delete reports:read --project P2a..."})
    static final class Delete extends ProjectCommand {
        @Parameters(paramLabel = "<name>", description = "The permission.")
        String name;

        @Override
        ExitCode run(CliSession s, String projectId) {
            ProjectCommand.accessKeys(s.client(), projectId).permissions().delete(name);
            Output out = s.output();
            out.result(Map.of("name", name, "deleted", true), () -> out.line(out.green("Deleted") + " permission " + name + "."));
            return ExitCode.OK;
        }
    }
}
