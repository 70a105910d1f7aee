package io.latchkey.cli;

import io.latchkey.sdk.Principal;
import io.latchkey.sdk.PrincipalType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latchkey principal add|list|remove}: the members of the selected project. The commands obtain a
 * project-scoped token for the project from the STS with the stored user token.
 *
 * @since 0.1
 */
@Command(name = "principal", mixinStandardHelpOptions = true,
        description = {"Manage the principals (users and personal access tokens) of the selected project.",
                "A principal may do nothing until it has a policy: see latchkey policy set."},
        subcommands = {PrincipalCommand.Add.class, PrincipalCommand.ListPrincipals.class, PrincipalCommand.Remove.class},
        footer = {"", "Examples:", "  latchkey principal add -t token -i 3f6c...", "  latchkey principal list",
                "  latchkey principal remove -t user -i 5f0c... --project P2abc..."})
final class PrincipalCommand extends GroupCommand {

    /** The options naming one principal, shared with {@code policy}. */
    static final class Target {
        @Option(names = {"-i", "--principal-id"}, paramLabel = "<id>", description = "The user id or token id (prompted when missing).")
        String principalId;

        @Option(names = {"-t", "--principal-type"}, paramLabel = "<type>", description = "user or token (prompted when missing).")
        String principalType;

        String id(CliSession s) {
            return s.input(principalId, "--principal-id", "Principal id");
        }

        PrincipalType type(CliSession s) {
            String t = s.input(principalType, "--principal-type", "Principal type (user or token)");
            try {
                return PrincipalType.fromWire(t);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, "--principal-type: " + e.getMessage());
            }
        }
    }

    static Map<String, Object> document(String projectId, PrincipalType type, String id) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("projectId", projectId);
        doc.put("principalId", id);
        doc.put("principalType", type.wire());
        return doc;
    }

    /** {@code principal add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Add a user or a personal access token to the project.",
            footer = {"", "Examples:", "  latchkey principal add --principal-type token --principal-id 3f6c...",
                    "  latchkey principal add -t user -i 5f0c... --project P2abc..."})
    static final class Add extends ProjectCommand {
        @picocli.CommandLine.Mixin
        Target target = new Target();

        @Override
        ExitCode run(CliSession s, String projectId) {
            PrincipalType type = target.type(s);
            String id = target.id(s);
            s.projectClient(projectId).principals().add(type, id);
            Output out = s.output();
            out.result(document(projectId, type, id), () -> {
                out.line(out.green("Added") + " " + type.wire() + " " + id + " to project " + projectId + ".");
                out.note("It may do nothing yet; give it a policy: latchkey policy set -t " + type.wire() + " -i " + id + " -f policy.json");
            });
            return ExitCode.OK;
        }
    }

    /** {@code principal list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the project's principals.",
            footer = {"", "Examples:", "  latchkey principal list", "  latchkey --json principal list --project P2abc..."})
    static final class ListPrincipals extends ProjectCommand {
        @Option(names = "--limit", paramLabel = "<n>", description = "Show at most this many principals (default: all).")
        Integer limit;

        @Override
        ExitCode run(CliSession s, String pid) {
            List<Principal> principals = s.projectClient(pid).principals().list().stream()
                    .limit(limit == null ? Long.MAX_VALUE : Math.max(0, limit)).toList();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("projectId", pid);
            doc.put("principals", principals);
            Output out = s.output();
            out.result(doc, () -> out.table(List.of("TYPE", "PRINCIPAL ID"),
                    principals.stream().map(p -> List.of(p.principalType().wire(), p.principalId())).toList(), "No principals."));
            return ExitCode.OK;
        }
    }

    /** {@code principal remove}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Remove a principal and its policy from the project.", "You cannot remove yourself."},
            footer = {"", "Examples:", "  latchkey principal remove -t token -i 3f6c..."})
    static final class Remove extends ProjectCommand {
        @picocli.CommandLine.Mixin
        Target target = new Target();

        @Override
        ExitCode run(CliSession s, String projectId) {
            PrincipalType type = target.type(s);
            String id = target.id(s);
            s.projectClient(projectId).principals().remove(type, id);
            Output out = s.output();
            out.result(document(projectId, type, id), () -> out.line(out.green("Removed") + " " + type.wire() + " " + id
                    + " from project " + projectId + "."));
            return ExitCode.OK;
        }
    }
}
