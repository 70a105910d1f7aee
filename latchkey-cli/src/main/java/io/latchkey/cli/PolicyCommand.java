package io.latchkey.cli;

import io.latchkey.sdk.Policy;
import io.latchkey.sdk.PolicyStatement;
import io.latchkey.sdk.PrincipalType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code latchkey policy get|set}: a principal's policy in the selected project, as the IAM dialect's JSON
 * document.
 *
 * @since 0.1
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Show or replace a principal's policy in the selected project.",
                "Policies are JSON: {\"version\": \"2022-12-15\", \"statement\": [{\"effect\", \"principal\", \"action\", \"resource\"}]}."},
        subcommands = {PolicyCommand.Get.class, PolicyCommand.Set.class},
        footer = {"", "Examples:", "  latchkey policy get -t token -i 3f6c...",
                "  latchkey policy set -t token -i 3f6c... -f policy.json",
                "  latchkey policy get -t token -i 3f6c... --json > policy.json"})
final class PolicyCommand extends GroupCommand {

    static void print(Output out, Policy p) {
        out.result(p, () -> {
            out.line(out.bold("Version:") + " " + p.version());
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < p.statements().size(); i++) {
                PolicyStatement st = p.statements().get(i);
                rows.add(List.of(Integer.toString(i), st.effect().wire(), String.join(",", st.actions()),
                        String.join(",", st.resources()), String.join(",", st.principals()),
                        st.conditions() == null ? "-" : String.join(",", st.conditions().keySet())));
            }
            out.table(List.of("#", "EFFECT", "ACTIONS", "RESOURCES", "PRINCIPALS", "CONDITIONS"), rows,
                    "No statements: the principal may do nothing.");
        });
    }

    /** {@code policy get}. */
    @Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Show a principal's policy in the project.",
                    "With --json the output is the policy document itself, ready for policy set."},
            footer = {"", "Examples:", "  latchkey policy get --principal-type token --principal-id 3f6c...",
                    "  latchkey --json policy get -t user -i 5f0c... --project P2abc..."})
    static final class Get extends ProjectCommand {
        @Mixin
        PrincipalCommand.Target target = new PrincipalCommand.Target();

        @Override
        ExitCode run(CliSession s, String projectId) {
            PrincipalType type = target.type(s);
            String id = target.id(s);
            print(s.output(), s.projectClient(projectId).policies().get(type, id));
            return ExitCode.OK;
        }
    }

    /** {@code policy set}. */
    @Command(name = "set", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Replace a principal's policy in the project with a JSON document from a file or stdin.",
                    "Condition values may be a string or a list of strings."},
            footer = {"", "Examples:", "  latchkey policy set -t token -i 3f6c... -f policy.json",
                    "  cat policy.json | latchkey policy set -t token -i 3f6c... -f -",
                    "", "A policy that lets a token read the project's production secrets from 10.0.0.0/8:",
                    "  {\"version\": \"2022-12-15\", \"statement\": [{\"effect\": \"Allow\",",
                    "    \"principal\": [\"ari:iam::<projectId>:token/<tokenId>\"], \"action\": [\"secrets:Read\"],",
                    "    \"resource\": [\"ari:secrets::<projectId>:secret/prod/*\"],",
                    "    \"condition\": {\"IpAddress\": {\"lk:SourceIp\": \"10.0.0.0/8\"}}}]}"})
    static final class Set extends ProjectCommand {
        @Mixin
        PrincipalCommand.Target target = new PrincipalCommand.Target();

        @Option(names = {"-f", "--file"}, paramLabel = "<path>", required = true,
                description = "The policy document; - reads it from standard input.")
        String file;

        @Override
        ExitCode run(CliSession s, String projectId) {
            PrincipalType type = target.type(s);
            String id = target.id(s);
            Policy policy;
            try {
                policy = Policy.parse(read(s));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, (file.equals("-") ? "stdin" : file) + ": " + e.getMessage());
            }
            Policy stored = s.projectClient(projectId).policies().set(type, id, policy);
            if (!s.output().json()) {
                s.output().line(s.output().green("Set the policy") + " of " + type.wire() + " " + id + " in project " + projectId + ".");
            }
            print(s.output(), stored);
            return ExitCode.OK;
        }

        private String read(CliSession s) {
            try {
                return file.equals("-") ? new String(s.stdin().readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new CliException(ExitCode.USAGE, "no such file: " + file);
            } catch (IOException e) {
                throw new CliException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage());
            }
        }
    }
}
