package io.latchkey.cli;

import io.latchkey.sdk.JsonCodec;
import io.latchkey.sdk.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latchkey tenants create|list|get|delete}: a project's tenants, in which access keys hold roles of
 * their own.
 *
 * @since 0.1
 */
@Command(name = "tenants", mixinStandardHelpOptions = true,
        description = "Manage a project's tenants (sub-scopes in which access keys hold roles).",
        subcommands = {TenantsCommand.Create.class, TenantsCommand.ListTenants.class, TenantsCommand.Get.class,
                TenantsCommand.Delete.class},
        footer = {"", "Examples:", "  latchkey tenants create --project P2a... --id acme --name \"Acme Inc\"",
                "  latchkey tenants list --project P2a...", "  latchkey tenants delete acme --project P2a..."})
final class TenantsCommand extends GroupCommand {

    static Map<String, String> fields(Tenant t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ID", t.id());
        f.put("Name", t.name());
        f.put("Attributes", t.customAttributes().isEmpty() ? null : JsonCodec.write(t.customAttributes()));
        f.put("Created", Formats.time(t.createdAt()));
        return f;
    }

    /** {@code tenants create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create a tenant.",
            footer = {"", "Examples:", "  latchkey tenants create --project P2a... --id acme --name \"Acme Inc\"",
                    "  latchkey tenants create --project P2a... --name Globex --attribute region=eu"})
    static final class Create extends ProjectCommand {
        @Option(names = "--id", paramLabel = "<tenantId>", description = "The tenant id (default: chosen by the server).")
        String id;

        @Option(names = "--name", paramLabel = "<name>", description = "The tenant's name (prompted when missing).")
        String name;

        @Option(names = "--attribute", paramLabel = "<name=value>", description = "A custom attribute (repeatable).")
        List<String> attributes;

        @Override
        ExitCode run(CliSession s, String projectId) {
            var tenants = ProjectCommand.accessKeys(s.client(), projectId).tenants();
            Tenant t = tenants.create(id, s.input(name, "--name", "Name"), AccessKeyArgs.claims(attributes, "--attribute"));
            Output out = s.output();
            out.result(t, () -> {
                out.line(out.green("Created") + " tenant " + t.name() + " (" + t.id() + ").");
                out.fields(fields(t));
            });
            return ExitCode.OK;
        }
    }

    /** {@code tenants list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List a project's tenants.",
            footer = {"", "Examples:", "  latchkey tenants list --project P2a...", "  latchkey --json tenants list --project P2a..."})
    static final class ListTenants extends ProjectCommand {
        @Override
        ExitCode run(CliSession s, String projectId) {
            List<Tenant> all = ProjectCommand.accessKeys(s.client(), projectId).tenants().list();
            Output out = s.output();
            out.result(Map.of("tenants", all), () -> out.table(List.of("ID", "NAME", "CREATED"),
                    all.stream().map(t -> java.util.Arrays.asList(t.id(), t.name(), Formats.time(t.createdAt()))).toList(),
                    "No tenants."));
            return ExitCode.OK;
        }
    }

    /** {@code tenants get}. */
    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Show one tenant.",
            footer = {"", "Examples:", "  latchkey tenants get acme --project P2a..."})
    static final class Get extends ProjectCommand {
        @Parameters(paramLabel = "<tenantId>", description = "The tenant id.")
        String tenantId;

        @Override
        ExitCode run(CliSession s, String projectId) {
            Tenant t = ProjectCommand.accessKeys(s.client(), projectId).tenants().get(tenantId);
            Output out = s.output();
            out.result(t, () -> out.fields(fields(t)));
            return ExitCode.OK;
        }
    }

    /** {@code tenants delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a tenant.",
            footer = {"", "Examples:", "  latchkey tenants delete acme --project P2a..."})
    static final class Delete extends ProjectCommand {
        @Parameters(paramLabel = "<tenantId>", description = "The tenant id.")
        String tenantId;

        @Override
        ExitCode run(CliSession s, String projectId) {
            ProjectCommand.accessKeys(s.client(), projectId).tenants().delete(tenantId);
            Output out = s.output();
            out.result(Map.of("id", tenantId, "deleted", true), () -> out.line(out.green("Deleted") + " tenant " + tenantId + "."));
            return ExitCode.OK;
        }
    }
}
