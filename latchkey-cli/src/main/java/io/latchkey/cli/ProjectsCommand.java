package io.latchkey.cli;

import io.latchkey.sdk.CreateProjectRequest;
import io.latchkey.sdk.Project;
import io.latchkey.sdk.UpdateProjectRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latchkey project create|list|get|update|delete|select}: projects, and the selected project that
 * the project-scoped commands ({@code principal}, {@code policy}, {@code token create-token -w}) act on.
 *
 * @since 0.1
 */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = {"Manage projects and select the one other commands act on.",
                "The selected project is remembered in the profile."},
        subcommands = {ProjectsCommand.Create.class, ProjectsCommand.ListProjects.class, ProjectsCommand.Get.class,
                ProjectsCommand.Update.class, ProjectsCommand.Delete.class, ProjectsCommand.Select.class},
        footer = {"", "Examples:", "  latchkey project create --name payments --select", "  latchkey project list",
                "  latchkey project select P2abc...", "  latchkey --json project get"})
final class ProjectsCommand extends GroupCommand {

    static Map<String, String> fields(Project p, String selected) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ID", p.id());
        f.put("Name", p.name());
        f.put("Description", p.description());
        f.put("Owner", p.ownerId());
        f.put("Type", p.type());
        f.put("Selected", p.id().equals(selected) ? "yes" : "no");
        f.put("Created", Formats.time(p.createdAt()));
        f.put("Updated", Formats.time(p.updatedAt()));
        return f;
    }

    /** The given id, else LATCHKEY_PROJECT, else the selected project. */
    static String idOrSelected(CliSession s, String given) {
        return ProjectCommand.resolve(s, given);
    }

    /** {@code project create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create a project you own.",
            footer = {"", "Examples:", "  latchkey project create --name payments",
                    "  latchkey project create -n payments -d \"Payment services\" --select",
                    "  latchkey --json --no-input project create --name ci-$(date +%s)"})
    static final class Create extends LeafCommand {
        @Option(names = {"-n", "--name"}, paramLabel = "<name>", description = "The project's name (prompted when missing).")
        String name;

        @Option(names = {"-d", "--description"}, paramLabel = "<text>", description = "A description.")
        String description;

        @Option(names = "--select", description = "Select the new project in the profile.")
        boolean select;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String n = s.input(name, "--name", "Project name");
            Project p = client.projects().create(CreateProjectRequest.of(n).withDescription(description));
            if (select) {
                s.saveProfile(s.profile().withProjectId(p.id()));
            }
            Output out = s.output();
            out.result(p, () -> {
                out.line(out.green("Created project") + " " + p.name() + " (" + p.id() + ")" + (select ? "; selected." : "."));
                if (!select) {
                    out.note("Select it with: latchkey project select " + p.id());
                }
            });
            return ExitCode.OK;
        }
    }

    /** {@code project list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the projects you own or belong to.", "The selected project is marked with *."},
            footer = {"", "Examples:", "  latchkey project list", "  latchkey project list --limit 10",
                    "  latchkey --json project list | jq -r '.projects[].id'"})
    static final class ListProjects extends LeafCommand {
        @Option(names = "--limit", paramLabel = "<n>", description = "Show at most this many projects (default: all).")
        Integer limit;

        @Override
        ExitCode run(CliSession s) {
            List<Project> projects = s.client().projects().list().stream()
                    .limit(limit == null ? Long.MAX_VALUE : Math.max(0, limit)).toList();
            String selected = s.profile().projectId();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("projects", projects);
            doc.put("selectedProjectId", selected);
            Output out = s.output();
            out.result(doc, () -> out.table(List.of("", "ID", "NAME", "DESCRIPTION", "CREATED"),
                    projects.stream().map(p -> List.of(p.id().equals(selected) ? "*" : " ", p.id(), p.name(),
                            p.description() == null ? "-" : p.description(), Formats.time(p.createdAt()))).toList(),
                    "No projects. Create one with: latchkey project create --name <name>"));
            return ExitCode.OK;
        }
    }

    /** {@code project get}. */
    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Show a project (the selected one by default).",
            footer = {"", "Examples:", "  latchkey project get", "  latchkey project get P2abc...", "  latchkey --json project get"})
    static final class Get extends LeafCommand {
        @Parameters(paramLabel = "<projectId>", arity = "0..1",
                description = "The project's id (default: LATCHKEY_PROJECT, else the selected project).")
        String projectId;

        @Override
        ExitCode run(CliSession s) {
            Project p = s.client().projects().get(idOrSelected(s, projectId));
            Output out = s.output();
            out.result(p, () -> out.fields(fields(p, s.profile().projectId())));
            return ExitCode.OK;
        }
    }

    /** {@code project update}. */
    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Rename a project or change its description (the selected one by default).",
                    "Options left out stay as they are."},
            footer = {"", "Examples:", "  latchkey project update --name payments-eu",
                    "  latchkey project update P2abc... --description \"EU payment services\""})
    static final class Update extends LeafCommand {
        @Parameters(paramLabel = "<projectId>", arity = "0..1",
                description = "The project's id (default: LATCHKEY_PROJECT, else the selected project).")
        String projectId;

        @Option(names = {"-n", "--name"}, paramLabel = "<name>", description = "A new name.")
        String name;

        @Option(names = {"-d", "--description"}, paramLabel = "<text>", description = "A new description.")
        String description;

        @Override
        ExitCode run(CliSession s) {
            UpdateProjectRequest change = UpdateProjectRequest.empty().withName(name).withDescription(description);
            if (change.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "nothing to update", "pass --name and/or --description");
            }
            Project p = s.client().projects().update(idOrSelected(s, projectId), change);
            Output out = s.output();
            out.result(p, () -> {
                out.line(out.green("Updated project") + " " + p.id() + ".");
                out.fields(fields(p, s.profile().projectId()));
            });
            return ExitCode.OK;
        }
    }

    /** {@code project delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a project with its members, policies, secrets and keys. Cannot be undone.",
                    "Asks for confirmation unless --yes is given."},
            footer = {"", "Examples:", "  latchkey project delete P2abc...", "  latchkey --no-input project delete P2abc... --yes"})
    static final class Delete extends LeafCommand {
        @Parameters(paramLabel = "<projectId>", description = "The project's id.")
        String projectId;

        @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            if (!s.confirm("Delete project " + projectId + " and everything in it?", yes, "--yes")) {
                throw new CliException(ExitCode.USAGE, "not deleted");
            }
            client.projects().delete(projectId);
            boolean wasSelected = projectId.equals(s.profile().projectId());
            if (wasSelected) {
                s.saveProfile(s.profile().withProjectId(null));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("deleted", projectId);
            doc.put("wasSelected", wasSelected);
            Output out = s.output();
            out.result(doc, () -> out.line(out.green("Deleted project") + " " + projectId
                    + (wasSelected ? "; no project is selected now." : ".")));
            return ExitCode.OK;
        }
    }

    /** {@code project select}. */
    @Command(name = "select", mixinStandardHelpOptions = true,
            description = {"Select the project that principal, policy, token create-token -w and the access-key commands act on.",
                    "It is remembered in the profile; the project must exist and be visible to you."},
            footer = {"", "Examples:", "  latchkey project select P2abc...",
                    "  latchkey --profile prod project select P2xyz..."})
    static final class Select extends LeafCommand {
        @Parameters(paramLabel = "<projectId>", arity = "0..1", description = "The project's id (prompted when missing).")
        String projectId;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String id = s.input(projectId, "<projectId>", "Project id");
            Project p = client.projects().get(id);
            s.saveProfile(s.profile().withProjectId(p.id()));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("profile", s.profileName());
            doc.put("projectId", p.id());
            doc.put("name", p.name());
            Output out = s.output();
            out.result(doc, () -> out.line(out.green("Selected project") + " " + p.name() + " (" + p.id() + ") in profile "
                    + s.profileName() + "."));
            return ExitCode.OK;
        }
    }
}
