package io.latchkey.cli;

import io.latchkey.sdk.AccessKeyRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;

/**
 * {@code latchkey roles create|list|delete}: a project's roles for access keys (named sets of permissions;
 * a session carries the permissions of its key's roles).
 *
 * @since 0.1
 */
@Command(name = "roles", mixinStandardHelpOptions = true,
        description = "Manage a project's access-key roles (named sets of permissions).",
        subcommands = {RolesCommand.Create.class, RolesCommand.ListRoles.class, RolesCommand.Delete.class},
        footer = {"", "Examples:", "  latchkey roles create --project P2a... --name Reader --permission reports:read",
                "  latchkey roles list --project P2a...", "  latchkey roles delete Reader --project P2a..."})
final class RolesCommand extends GroupCommand {

    /** {@code roles create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create a role with its permissions.",
            footer = {"", "Examples:", "  latchkey roles create --project P2a... --name Reader --permission reports:read",
                    "  latchkey roles create --project P2a... --name Admin --permission reports:read --permission reports:write"})
    static final class Create extends ProjectCommand {
        @Option(names = "--name", paramLabel = "<name>", description = "The role's name (prompted when missing).")
        String name;

        @Option(names = "--permission", paramLabel = "<permission>", description = "A permission it grants (repeatable).")
        List<String> permissions;

        @Option(names = "--description", paramLabel = "<text>", description = "A description.")
        String description;

        @Override
        ExitCode run(CliSession s, String projectId) {
            var roles = ProjectCommand.accessKeys(s.client(), projectId).roles();
            AccessKeyRole r = roles.create(s.input(name, "--name", "Name"), description, permissions == null ? List.of() : permissions);
            Output out = s.output();
            out.result(r, () -> out.line(out.green("Created") + " role " + r.name()
                    + (r.permissionNames().isEmpty() ? "." : " with " + String.join(", ", r.permissionNames()) + ".")));
            return ExitCode.OK;
        }
    }

    /** {@code roles list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List a project's access-key roles.",
            footer = {"", "Examples:", "  latchkey roles list --project P2a...", "  latchkey --json roles list --project P2a..."})
    static final class ListRoles extends ProjectCommand {
        @Override
        ExitCode run(CliSession s, String projectId) {
            List<AccessKeyRole> roles = ProjectCommand.accessKeys(s.client(), projectId).roles().list();
            Output out = s.output();
            out.result(Map.of("roles", roles), () -> out.table(List.of("NAME", "PERMISSIONS", "DESCRIPTION", "CREATED"),
                    roles.stream().map(r -> java.util.Arrays.asList(r.name(), String.join(",", r.permissionNames()),
                            r.description(), Formats.time(r.createdAt()))).toList(), "No roles."));
            return ExitCode.OK;
        }
    }

    /** {@code roles delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a role.",
            footer = {"", "Examples:", "  latchkey roles delete Reader --project P2a..."})
    static final class Delete extends ProjectCommand {
        @Parameters(paramLabel = "<name>", description = "The role's name.")
        String name;

        @Override
        ExitCode run(CliSession s, String projectId) {
            ProjectCommand.accessKeys(s.client(), projectId).roles().delete(name);
            Output out = s.output();
            out.result(Map.of("name", name, "deleted", true), () -> out.line(out.green("Deleted") + " role " + name + "."));
            return ExitCode.OK;
        }
    }
}
