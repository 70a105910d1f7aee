package io.latchkey.cli;

import io.latchkey.sdk.CreateUserRequest;
import io.latchkey.sdk.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latchkey user create|list|get}: users of the caller's organization.
 *
 * @since 0.1
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage the users of your organization.",
        subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class, UserCommand.Get.class},
        footer = {"", "Examples:", "  latchkey user create --email dev@example.com", "  latchkey user list",
                "  latchkey user get 5f0c..."})
final class UserCommand extends GroupCommand {

    static Map<String, String> fields(User u) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ID", u.id());
        f.put("Email", u.email());
        f.put("Name", u.displayName());
        f.put("Status", u.status());
        f.put("Super admin", u.superAdmin() ? "yes" : "no");
        f.put("Created", Formats.time(u.createdAt()));
        return f;
    }

    /** {@code user create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Create a user in your organization (organization administrators).",
                    "A missing password is prompted for twice, without echo."},
            footer = {"", "Examples:", "  latchkey user create --email dev@example.com",
                    "  latchkey user create --email dev@example.com --display-name \"Dev One\" --role admin",
                    "  latchkey --json --no-input user create --email ci@example.com --password \"$PW\""})
    static final class Create extends LeafCommand {
        @Option(names = "--email", paramLabel = "<email>", description = "The user's email.")
        String email;

        @Option(names = "--password", paramLabel = "<password>", description = "The initial password (prompted when missing).")
        String password;

        @Option(names = "--display-name", paramLabel = "<name>", description = "A display name.")
        String displayName;

        @Option(names = "--role", paramLabel = "<role>", description = "Organization role: admin, member (default) or no-access.")
        String role;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String mail = s.input(email, "--email", "Email");
            String pw = s.secret(password, "--password", "Password", true);
            User u = client.users().create(CreateUserRequest.of(mail, pw).withDisplayName(displayName).withRole(role));
            Output out = s.output();
            out.result(u, () -> {
                out.line(out.green("Created user") + " " + u.email() + ".");
                out.fields(fields(u));
            });
            return ExitCode.OK;
        }
    }

    /** {@code user list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the users of your organization.",
            footer = {"", "Examples:", "  latchkey user list", "  latchkey user list --limit 20",
                    "  latchkey --json user list | jq -r '.users[].email'"})
    static final class ListUsers extends LeafCommand {
        @Option(names = "--limit", paramLabel = "<n>", description = "Show at most this many users (default: all).")
        Integer limit;

        @Override
        ExitCode run(CliSession s) {
            var users = s.client().users().list().stream().limit(limit == null ? Long.MAX_VALUE : Math.max(0, limit)).toList();
            Output out = s.output();
            out.result(Map.of("users", users), () -> out.table(List.of("ID", "EMAIL", "NAME", "STATUS", "SUPER ADMIN", "CREATED"),
                    users.stream().map(u -> List.of(u.id(), u.email(), nullable(u.displayName()), u.status(),
                            u.superAdmin() ? "yes" : "no", Formats.time(u.createdAt()))).toList(), "No users."));
            return ExitCode.OK;
        }

        private static String nullable(String v) {
            return v == null ? "-" : v;
        }
    }

    /** {@code user get}. */
    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Show one user of your organization.",
            footer = {"", "Examples:", "  latchkey user get 5f0c...", "  latchkey --json user get 5f0c..."})
    static final class Get extends LeafCommand {
        @Parameters(paramLabel = "<userId>", description = "The user's id (see user list).")
        String userId;

        @Override
        ExitCode run(CliSession s) {
            User u = s.client().users().get(userId);
            Output out = s.output();
            out.result(u, () -> out.fields(fields(u)));
            return ExitCode.OK;
        }
    }
}
