package io.latchkey.cli;

import io.latchkey.sdk.Folder;
import io.latchkey.sdk.SecretLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;

/**
 * {@code latchkey folder create|list|delete}: folders of secrets in a project's environment.
 *
 * @since 0.1
 */
@Command(name = "folder", mixinStandardHelpOptions = true,
        description = "Create, list and delete folders of secrets.",
        subcommands = {FolderCommand.Create.class, FolderCommand.ListFolders.class, FolderCommand.Delete.class},
        footer = {"", "Examples:", "  latchkey folder create db --env prod", "  latchkey folder create primary --env prod --path /db",
                "  latchkey folder list --env prod --recursive", "  latchkey folder delete db --env prod --yes"})
final class FolderCommand extends GroupCommand {

    /** {@code folder create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Create a folder inside --path (default /). Idempotent: an existing folder is kept;",
                    "missing parents are created."},
            footer = {"", "Examples:", "  latchkey folder create db --env prod",
                    "  latchkey --json folder create replica --env prod --path /db | jq -r .path"})
    static final class Create extends LeafCommand {
        @Parameters(paramLabel = "NAME", description = "The folder's name (letters, digits, _ and -).")
        String name;

        @Mixin
        SecretScopeOptions scope = new SecretScopeOptions();

        @Override
        ExitCode run(CliSession s) {
            SecretLocation parent = scope.location(s);
            Folder f = s.client().folders().create(parent, name);
            Output out = s.output();
            out.result(f, () -> out.line(out.green("Folder") + " " + f.path() + " is in " + parent.environment() + "."));
            return ExitCode.OK;
        }
    }

    /** {@code folder list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = "List the folders inside --path (default /).",
            footer = {"", "Examples:", "  latchkey folder list --env prod", "  latchkey folder list --env prod --recursive",
                    "  latchkey --json folder list --env prod | jq -r '.folders[].path'"})
    static final class ListFolders extends LeafCommand {
        @Mixin
        SecretScopeOptions scope = new SecretScopeOptions();

        @Option(names = "--recursive", description = "Every folder below, not only the direct ones.")
        boolean recursive;

        @Override
        ExitCode run(CliSession s) {
            SecretLocation parent = scope.location(s);
            List<Folder> list = s.client().folders().list(parent, recursive);
            Output out = s.output();
            out.result(Map.of("folders", list), () -> out.table(List.of("PATH", "NAME", "ID", "CREATED"),
                    list.stream().map(f -> List.of(f.path(), f.name(), f.id(), String.valueOf(Formats.time(f.createdAt()))))
                            .toList(), "No folders in " + SecretsCommand.where(parent) + "."));
            return ExitCode.OK;
        }
    }

    /** {@code folder delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Delete a folder inside --path with everything in it (its secrets and folders).",
                    "Asks unless --yes."},
            footer = {"", "Examples:", "  latchkey folder delete db --env dev", "  latchkey folder delete replica --env prod --path /db --yes"})
    static final class Delete extends LeafCommand {
        @Parameters(paramLabel = "NAME", description = "The folder's name (or id).")
        String name;

        @Mixin
        SecretScopeOptions scope = new SecretScopeOptions();

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s) {
            SecretLocation parent = scope.location(s);
            var client = s.client();
            if (!s.confirm("Delete folder " + name + " in " + SecretsCommand.where(parent) + " with all its secrets?", yes,
                    "--yes")) {
                s.output().note("Not deleted.");
                return ExitCode.GENERAL;
            }
            Folder f = client.folders().delete(parent, name);
            Output out = s.output();
            out.result(f, () -> out.line(out.green("Deleted folder") + " " + f.path() + " from " + parent.environment() + "."));
            return ExitCode.OK;
        }
    }
}
