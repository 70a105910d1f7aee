package io.latchkey.cli;

import io.latchkey.sdk.CreatedManagementKey;
import io.latchkey.sdk.ManagementKey;
import io.latchkey.sdk.NewManagementKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latchkey management-keys ...}: a project's management keys, the credential of the access-key
 * dialect's management API and of the vendors' management SDKs. A key's value is printed once, at creation.
 *
 * @since 0.1
 */
@Command(name = "management-keys", mixinStandardHelpOptions = true,
        description = {"Manage a project's management keys.",
                "The vendors' SDKs and the /v1/mgmt API authenticate with Bearer <projectId>:<managementKey>."},
        subcommands = {ManagementKeysCommand.Create.class, ManagementKeysCommand.ListKeys.class, ManagementKeysCommand.Get.class,
                ManagementKeysCommand.Activate.class, ManagementKeysCommand.Deactivate.class, ManagementKeysCommand.Delete.class},
        footer = {"", "Examples:", "  latchkey management-keys create --project P2a... --name ci --expires 30d",
                "  latchkey management-keys list --project P2a...",
                "  latchkey management-keys deactivate M2c... --project P2a..."})
final class ManagementKeysCommand extends GroupCommand {

    static Map<String, String> fields(Output out, ManagementKey k) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ID", k.id());
        f.put("Project", k.projectId());
        f.put("Name", k.name());
        f.put("Description", k.description());
        f.put("Status", AccessKeysCommand.status(out, k.status()));
        f.put("Permitted IPs", k.permittedIps().isEmpty() ? "any" : String.join(", ", k.permittedIps()));
        f.put("Expires", k.expiresAt() == null ? "never" : Formats.time(k.expiresAt()));
        f.put("Created", Formats.time(k.createdAt()));
        f.put("Created by", k.createdBy());
        return f;
    }

    /** {@code management-keys create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create a management key; its value is printed once.",
            footer = {"", "Examples:", "  latchkey management-keys create --project P2a... --name ci",
                    "  latchkey management-keys create --project P2a... --name deploy --expires 30d --permitted-ip 10.0.0.0/8",
                    "  MGMT=$(latchkey --json management-keys create --project P2a... --name ci | jq -r .cleartext)"})
    static final class Create extends ProjectCommand {
        @Option(names = "--name", paramLabel = "<name>", description = "The key's name (prompted when missing).")
        String name;

        @Option(names = "--description", paramLabel = "<text>", description = "A description.")
        String description;

        @Option(names = "--expires", paramLabel = "<when>", description = "90d, 12h, 30m, an ISO-8601 instant, or never (default).")
        String expires;

        @Option(names = "--permitted-ip", paramLabel = "<ip|cidr>", description = "Only these addresses may use the key (repeatable).")
        List<String> permittedIps;

        @Override
        ExitCode run(CliSession s, String projectId) {
            var keys = ProjectCommand.accessKeys(s.client(), projectId).managementKeys();
            Instant expiry = AccessKeyArgs.expiry(expires, s.clock());
            NewManagementKey request = NewManagementKey.named(s.input(name, "--name", "Name")).withDescription(description)
                    .expiringIn(expiry == null ? null : Duration.between(s.clock().instant(), expiry));
            if (permittedIps != null) {
                request = request.withPermittedIps(permittedIps);
            }
            CreatedManagementKey created = keys.create(request);
            Output out = s.output();
            out.result(created, () -> {
                out.line(out.green("Created") + " management key " + created.key().name() + " (" + created.key().id() + ").");
                out.fields(fields(out, created.key()));
                out.line("");
                out.line(out.bold("Management key:"));
                out.line(created.cleartext());
            });
            out.warn("This is the only time the key's value is shown: store it in a secret manager now."
                    + " Management calls send: Authorization: Bearer " + projectId + ":<managementKey>");
            return ExitCode.OK;
        }
    }

    /** {@code management-keys list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List a project's management keys (never their values).",
            footer = {"", "Examples:", "  latchkey management-keys list --project P2a...",
                    "  latchkey --json management-keys list --project P2a..."})
    static final class ListKeys extends ProjectCommand {
        @Override
        ExitCode run(CliSession s, String projectId) {
            List<ManagementKey> keys = ProjectCommand.accessKeys(s.client(), projectId).managementKeys().list();
            Output out = s.output();
            out.result(Map.of("keys", keys), () -> out.table(List.of("ID", "NAME", "STATUS", "EXPIRES", "CREATED"),
                    keys.stream().map(k -> List.of(k.id(), k.name(), k.status(),
                            k.expiresAt() == null ? "never" : Formats.time(k.expiresAt()), Formats.time(k.createdAt()))).toList(),
                    "No management keys."));
            return ExitCode.OK;
        }
    }

    /** {@code management-keys get}. */
    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Show one management key (never its value).",
            footer = {"", "Examples:", "  latchkey management-keys get M2c... --project P2a..."})
    static final class Get extends ProjectCommand {
        @Parameters(paramLabel = "<keyId>", description = "The key's id.")
        String keyId;

        @Override
        ExitCode run(CliSession s, String projectId) {
            ManagementKey k = ProjectCommand.accessKeys(s.client(), projectId).managementKeys().get(keyId);
            Output out = s.output();
            out.result(k, () -> out.fields(fields(out, k)));
            return ExitCode.OK;
        }
    }

    /** {@code management-keys activate}. */
    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Accept a deactivated management key again.",
            footer = {"", "Examples:", "  latchkey management-keys activate M2c... --project P2a..."})
    static final class Activate extends ProjectCommand {
        @Parameters(paramLabel = "<keyId>", description = "The key's id.")
        String keyId;

        @Override
        ExitCode run(CliSession s, String projectId) {
            return printStatus(s, "Activated", ProjectCommand.accessKeys(s.client(), projectId).managementKeys().activate(keyId));
        }
    }

    /** {@code management-keys deactivate}. */
    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "Refuse every management call made with the key, until it is activated again.",
            footer = {"", "Examples:", "  latchkey management-keys deactivate M2c... --project P2a..."})
    static final class Deactivate extends ProjectCommand {
        @Parameters(paramLabel = "<keyId>", description = "The key's id.")
        String keyId;

        @Override
        ExitCode run(CliSession s, String projectId) {
            return printStatus(s, "Deactivated", ProjectCommand.accessKeys(s.client(), projectId).managementKeys().deactivate(keyId));
        }
    }

    private static ExitCode printStatus(CliSession s, String verb, ManagementKey k) {
        Output out = s.output();
        out.result(k, () -> out.line(out.green(verb) + " management key " + k.name() + " (" + k.id() + "): "
                + AccessKeysCommand.status(out, k.status()) + "."));
        return ExitCode.OK;
    }

    /** {@code management-keys delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a management key; it stops working at once.", "Asks for confirmation unless --yes."},
            footer = {"", "Examples:", "  latchkey management-keys delete M2c... --project P2a... --yes"})
    static final class Delete extends ProjectCommand {
        @Parameters(paramLabel = "<keyId>", description = "The key's id.")
        String keyId;

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s, String projectId) {
            var keys = ProjectCommand.accessKeys(s.client(), projectId).managementKeys();
            if (!s.confirm("Delete management key " + keyId + "? It stops working at once.", yes, "--yes")) {
                s.output().note("Not deleted.");
                return ExitCode.GENERAL;
            }
            keys.delete(keyId);
            Output out = s.output();
            out.result(Map.of("id", keyId, "deleted", true), () -> out.line(out.green("Deleted") + " management key " + keyId + "."));
            return ExitCode.OK;
        }
    }
}
