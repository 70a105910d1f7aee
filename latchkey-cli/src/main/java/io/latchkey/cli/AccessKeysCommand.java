package io.latchkey.cli;

import io.latchkey.sdk.AccessKey;
import io.latchkey.sdk.AccessKeyFilter;
import io.latchkey.sdk.AccessKeySession;
import io.latchkey.sdk.AccessKeyUpdate;
import io.latchkey.sdk.CreatedAccessKey;
import io.latchkey.sdk.ExchangeOptions;
import io.latchkey.sdk.JsonCodec;
import io.latchkey.sdk.KeyTenant;
import io.latchkey.sdk.NewAccessKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code latchkey access-keys ...}: a project's access keys through the native API with the user's token,
 * and {@code exchange}, which trades a key for a session JWT without any login.
 *
 * <p>Secrets: a key's value is printed once, by {@code create} and {@code rotate}, on stdout only. The value
 * given to {@code exchange} is read from standard input, {@code LATCHKEY_ACCESS_KEY} or a prompt without
 * echo ({@code --access-key} works too, with a warning: it lands in the shell history) and never printed.
 *
 * @since 0.1
 */
@Command(name = "access-keys", mixinStandardHelpOptions = true,
        description = {"Manage a project's access keys and exchange one for a session JWT.",
                "Machines log in with an access key; its session JWT is verified offline against /v2/keys/<projectId>."},
        subcommands = {AccessKeysCommand.Create.class, AccessKeysCommand.ListKeys.class, AccessKeysCommand.Get.class,
                AccessKeysCommand.Update.class, AccessKeysCommand.Activate.class, AccessKeysCommand.Deactivate.class,
                AccessKeysCommand.Rotate.class, AccessKeysCommand.Delete.class, AccessKeysCommand.Exchange.class},
        footer = {"", "Examples:",
                "  latchkey access-keys create --project P2a... --name reporter --role Reader --tenant acme:Reader",
                "  latchkey access-keys list --project P2a...",
                "  latchkey access-keys deactivate K2b... --project P2a...",
                "  echo \"$KEY\" | latchkey access-keys exchange --project P2a... --access-key-stdin"})
final class AccessKeysCommand extends GroupCommand {
    static final String KEY_VARIABLE = "LATCHKEY_ACCESS_KEY";
    static final String SHOWN_ONCE = "This is the only time the key's value is shown: store it in a secret manager now.";

    static Map<String, String> fields(Output out, AccessKey k) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ID", k.id());
        f.put("Name", k.name());
        f.put("Description", k.description());
        f.put("Status", status(out, k.status()));
        f.put("Roles", k.roleNames().isEmpty() ? "-" : String.join(", ", k.roleNames()));
        f.put("Tenants", k.keyTenants().isEmpty() ? "-" : tenants(k.keyTenants()));
        f.put("Bound user", k.boundUserId());
        f.put("Custom claims", k.customClaims().isEmpty() ? null : JsonCodec.write(k.customClaims()));
        f.put("Permitted IPs", k.permittedIps().isEmpty() ? "any" : String.join(", ", k.permittedIps()));
        f.put("Expires", k.expiresAt() == null ? "never" : Formats.time(k.expiresAt()));
        f.put("Created", Formats.time(k.createdAt()));
        f.put("Created by", k.createdBy());
        return f;
    }

    static String status(Output out, String status) {
        return AccessKey.ACTIVE.equals(status) ? out.green(status) : out.red(status);
    }

    private static String tenants(List<KeyTenant> tenants) {
        return tenants.stream().map(t -> t.roleNames().isEmpty() ? t.tenantId()
                : t.tenantId() + " (" + String.join(", ", t.roleNames()) + ")").collect(Collectors.joining("; "));
    }

    static void printCreated(Output out, String verb, CreatedAccessKey created) {
        out.result(created, () -> {
            out.line(out.green(verb) + " access key " + created.key().name() + " (" + created.key().id() + ").");
            out.fields(fields(out, created.key()));
            out.line("");
            out.line(out.bold("Access key:"));
            out.line(created.cleartext());
        });
        out.warn(SHOWN_ONCE);
    }

    /** {@code access-keys create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Create an access key; its value is printed once.",
                    "Roles and tenants must exist in the project (see: latchkey roles, latchkey tenants)."},
            footer = {"", "Examples:",
                    "  latchkey access-keys create --project P2a... --name reporter --role Reader",
                    "  latchkey access-keys create --project P2a... --name ci --tenant acme:Reader,Writer --claim team=platform \\",
                    "      --permitted-ip 10.0.0.0/8 --expires 90d",
                    "  KEY=$(latchkey --json access-keys create --project P2a... --name ci | jq -r .cleartext)"})
    static final class Create extends ProjectCommand {
        @Option(names = "--name", paramLabel = "<name>", description = "The key's name (prompted when missing).")
        String name;

        @Option(names = "--role", paramLabel = "<role>", description = "A project-level role (repeatable).")
        List<String> roles;

        @Option(names = "--tenant", paramLabel = "<id[:role,...]>", description = "A tenant with the key's roles in it (repeatable).")
        List<String> tenants;

        @Option(names = "--claim", paramLabel = "<name=value>",
                description = "A custom claim copied into every session (repeatable; JSON values keep their type).")
        List<String> claims;

        @Option(names = "--permitted-ip", paramLabel = "<ip|cidr>", description = "Only these addresses may exchange the key (repeatable).")
        List<String> permittedIps;

        @Option(names = "--expires", paramLabel = "<when>", description = "90d, 12h, 30m, an ISO-8601 instant, or never (default).")
        String expires;

        @Option(names = "--user", paramLabel = "<userId>", description = "Bind the key to a user: exchanges fail once the user is disabled.")
        String userId;

        @Option(names = "--description", paramLabel = "<text>", description = "A description.")
        String description;

        @Override
        ExitCode run(CliSession s, String projectId) {
            var keys = accessKeys(s.client(), projectId);
            NewAccessKey request = NewAccessKey.named(s.input(name, "--name", "Name"))
                    .expiringAt(AccessKeyArgs.expiry(expires, s.clock())).boundTo(userId).withDescription(description);
            if (roles != null) {
                request = request.withRoles(roles);
            }
            for (KeyTenant t : AccessKeyArgs.tenants(tenants == null ? List.of() : tenants)) {
                request = request.withTenant(t.tenantId(), t.roleNames().toArray(String[]::new));
            }
            for (Map.Entry<String, Object> c : AccessKeyArgs.claims(claims == null ? List.of() : claims, "--claim").entrySet()) {
                request = request.withCustomClaim(c.getKey(), c.getValue());
            }
            if (permittedIps != null) {
                request = request.withPermittedIps(permittedIps);
            }
            printCreated(s.output(), "Created", keys.create(request));
            return ExitCode.OK;
        }
    }

    /** {@code access-keys list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = "List a project's access keys (never their values).",
            footer = {"", "Examples:", "  latchkey access-keys list --project P2a...",
                    "  latchkey access-keys list --project P2a... --tenant acme --tenant globex",
                    "  latchkey --json access-keys list --project P2a... | jq -r '.keys[] | select(.status==\"active\") | .id'"})
    static final class ListKeys extends ProjectCommand {
        @Option(names = "--tenant", paramLabel = "<tenantId>", description = "Only keys in these tenants (repeatable).")
        List<String> tenants;

        @Option(names = "--bound-user", paramLabel = "<userId>", description = "Only keys bound to this user.")
        String boundUser;

        @Option(names = "--created-by", paramLabel = "<principalId>", description = "Only keys created by this principal.")
        String createdBy;

        @Override
        ExitCode run(CliSession s, String projectId) {
            AccessKeyFilter filter = AccessKeyFilter.all().withBoundUser(boundUser).withCreatingUser(createdBy);
            for (String t : tenants == null ? List.<String>of() : tenants) {
                filter = filter.withTenant(t);
            }
            List<AccessKey> keys = accessKeys(s.client(), projectId).list(filter);
            Output out = s.output();
            out.result(Map.of("keys", keys), () -> out.table(List.of("ID", "NAME", "STATUS", "ROLES", "TENANTS", "EXPIRES", "CREATED"),
                    keys.stream().map(k -> List.of(k.id(), k.name(), k.status(), String.join(",", k.roleNames()),
                            k.keyTenants().stream().map(KeyTenant::tenantId).collect(Collectors.joining(",")),
                            k.expiresAt() == null ? "never" : Formats.time(k.expiresAt()), Formats.time(k.createdAt()))).toList(),
                    "No access keys."));
            return ExitCode.OK;
        }
    }

    /** {@code access-keys get}. */
    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Show one access key (never its value).",
            footer = {"", "Examples:", "  latchkey access-keys get K2b... --project P2a...",
                    "  latchkey --json access-keys get K2b... --project P2a..."})
    static final class Get extends ProjectCommand {
        @Parameters(paramLabel = "<keyId>", description = "The key's id (see access-keys list).")
        String keyId;

        @Override
        ExitCode run(CliSession s, String projectId) {
            AccessKey k = accessKeys(s.client(), projectId).get(keyId);
            Output out = s.output();
            out.result(k, () -> out.fields(fields(out, k)));
            return ExitCode.OK;
        }
    }

    /** {@code access-keys update}. */
    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Change an access key; what you do not pass stays as it is.",
                    "--role, --tenant, --claim and --permitted-ip replace the key's whole list; --clear-* empties one."},
            footer = {"", "Examples:", "  latchkey access-keys update K2b... --project P2a... --name nightly-reporter",
                    "  latchkey access-keys update K2b... --project P2a... --role Reader --role Writer",
                    "  latchkey access-keys update K2b... --project P2a... --clear-permitted-ips"})
    static final class Update extends ProjectCommand {
        @Parameters(paramLabel = "<keyId>", description = "The key's id.")
        String keyId;

        @Option(names = "--name", paramLabel = "<name>", description = "A new name.")
        String name;

        @Option(names = "--description", paramLabel = "<text>", description = "A new description.")
        String description;

        @Option(names = "--role", paramLabel = "<role>", description = "Replace the project-level roles (repeatable).")
        List<String> roles;

        @Option(names = "--tenant", paramLabel = "<id[:role,...]>", description = "Replace the tenants (repeatable).")
        List<String> tenants;

        @Option(names = "--claim", paramLabel = "<name=value>", description = "Replace the custom claims (repeatable).")
        List<String> claims;

        @Option(names = "--permitted-ip", paramLabel = "<ip|cidr>", description = "Replace the permitted addresses (repeatable).")
        List<String> permittedIps;

        @Option(names = "--clear-roles", description = "Remove every project-level role.")
        boolean clearRoles;

        @Option(names = "--clear-tenants", description = "Remove every tenant.")
        boolean clearTenants;

        @Option(names = "--clear-claims", description = "Remove every custom claim.")
        boolean clearClaims;

        @Option(names = "--clear-permitted-ips", description = "Allow exchanges from any address.")
        boolean clearPermittedIps;

        @Override
        ExitCode run(CliSession s, String projectId) {
            AccessKeyUpdate changes = changes();
            if (changes.empty()) {
                throw new CliException(ExitCode.USAGE, "nothing to change", "pass at least one of --name, --description, --role,"
                        + " --tenant, --claim, --permitted-ip or a --clear-* option");
            }
            AccessKey k = accessKeys(s.client(), projectId).update(keyId, changes);
            Output out = s.output();
            out.result(k, () -> {
                out.line(out.green("Updated") + " access key " + k.name() + " (" + k.id() + ").");
                out.fields(fields(out, k));
            });
            return ExitCode.OK;
        }

        private AccessKeyUpdate changes() {
            conflict(clearRoles, roles, "--role");
            conflict(clearTenants, tenants, "--tenant");
            conflict(clearClaims, claims, "--claim");
            conflict(clearPermittedIps, permittedIps, "--permitted-ip");
            AccessKeyUpdate u = AccessKeyUpdate.changes().withName(name).withDescription(description);
            if (roles != null || clearRoles) {
                u = u.withRoles(clearRoles ? List.of() : roles);
            }
            if (clearTenants) {
                u = u.withoutTenants();
            }
            for (KeyTenant t : tenants == null ? List.<KeyTenant>of() : AccessKeyArgs.tenants(tenants)) {
                u = u.withTenant(t.tenantId(), t.roleNames());
            }
            if (claims != null || clearClaims) {
                u = u.withCustomClaims(clearClaims ? Map.of() : AccessKeyArgs.claims(claims, "--claim"));
            }
            if (permittedIps != null || clearPermittedIps) {
                u = u.withPermittedIps(clearPermittedIps ? List.of() : permittedIps);
            }
            return u;
        }

        private static void conflict(boolean clear, List<String> values, String option) {
            if (clear && values != null) {
                throw new CliException(ExitCode.USAGE, option + " and its --clear option exclude each other");
            }
        }
    }

    /** {@code access-keys activate}. */
    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Let a deactivated access key be exchanged again.",
            footer = {"", "Examples:", "  latchkey access-keys activate K2b... --project P2a..."})
    static final class Activate extends ProjectCommand {
        @Parameters(paramLabel = "<keyId>", description = "The key's id.")
        String keyId;

        @Override
        ExitCode run(CliSession s, String projectId) {
            return printStatus(s, "Activated", accessKeys(s.client(), projectId).activate(keyId));
        }
    }

    /** {@code access-keys deactivate}. */
    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = {"Stop new exchanges of an access key (sessions already issued stay valid until they expire).",
                    "Reversible with activate."},
            footer = {"", "Examples:", "  latchkey access-keys deactivate K2b... --project P2a..."})
    static final class Deactivate extends ProjectCommand {
        @Parameters(paramLabel = "<keyId>", description = "The key's id.")
        String keyId;

        @Override
        ExitCode run(CliSession s, String projectId) {
            return printStatus(s, "Deactivated", accessKeys(s.client(), projectId).deactivate(keyId));
        }
    }

    private static ExitCode printStatus(CliSession s, String verb, AccessKey k) {
        Output out = s.output();
        out.result(k, () -> out.line(out.green(verb) + " access key " + k.name() + " (" + k.id() + "): "
                + status(out, k.status()) + "."));
        return ExitCode.OK;
    }

    /** {@code access-keys rotate}. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Replace an access key's value: the old value stops working at once, the new one is printed once.",
                    "Asks for confirmation unless --yes."},
            footer = {"", "Examples:", "  latchkey access-keys rotate K2b... --project P2a...",
                    "  latchkey --json access-keys rotate K2b... --project P2a... --yes | jq -r .cleartext"})
    static final class Rotate extends ProjectCommand {
        @Parameters(paramLabel = "<keyId>", description = "The key's id.")
        String keyId;

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s, String projectId) {
            var keys = accessKeys(s.client(), projectId);
            if (!s.confirm("Rotate access key " + keyId + "? Machines using its current value stop working.", yes, "--yes")) {
                s.output().note("Not rotated.");
                return ExitCode.GENERAL;
            }
            printCreated(s.output(), "Rotated", keys.rotate(keyId));
            return ExitCode.OK;
        }
    }

    /** {@code access-keys delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete an access key; its value stops working at once.", "Asks for confirmation unless --yes."},
            footer = {"", "Examples:", "  latchkey access-keys delete K2b... --project P2a...",
                    "  latchkey access-keys delete K2b... --project P2a... --yes"})
    static final class Delete extends ProjectCommand {
        @Parameters(paramLabel = "<keyId>", description = "The key's id.")
        String keyId;

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s, String projectId) {
            var keys = accessKeys(s.client(), projectId);
            if (!s.confirm("Delete access key " + keyId + "? Its value stops working at once.", yes, "--yes")) {
                s.output().note("Not deleted.");
                return ExitCode.GENERAL;
            }
            keys.delete(keyId);
            Output out = s.output();
            out.result(Map.of("id", keyId, "deleted", true), () -> out.line(out.green("Deleted") + " access key " + keyId + "."));
            return ExitCode.OK;
        }
    }

    /** {@code access-keys exchange}. */
    @Command(name = "exchange", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Exchange an access key for a session JWT and print the JWT (no login needed).",
                    "The key is read from standard input (--access-key-stdin), else " + KEY_VARIABLE + ", else a prompt",
                    "without echo. It is never printed. On a terminal the JWT is masked unless --reveal."},
            footer = {"", "Examples:",
                    "  JWT=$(latchkey access-keys exchange --project P2a... --access-key-stdin < key.txt)",
                    "  LATCHKEY_ACCESS_KEY=\"$KEY\" latchkey access-keys exchange --project P2a... --claim job=nightly",
                    "  latchkey --json access-keys exchange --project P2a... --tenant acme",
                    "", "--access-key <value> also works, but puts the key in your shell history and the process list."})
    static final class Exchange extends ProjectCommand {
        @Option(names = "--access-key-stdin", description = "Read the key from the first line of standard input.")
        boolean fromStdin;

        @Option(names = "--access-key", paramLabel = "<value>",
                description = "The key itself (insecure: visible in the shell history and the process list).")
        String accessKey;

        @Option(names = "--claim", paramLabel = "<name=value>",
                description = "A claim to add to the session, under nsec (repeatable).")
        List<String> claims;

        @Option(names = "--tenant", paramLabel = "<tenantId>", description = "Select one of the key's tenants (the session's dct).")
        String tenant;

        @Option(names = "--reveal", description = "Print the JWT on a terminal too (it is masked there otherwise).")
        boolean reveal;

        @Override
        ExitCode run(CliSession s, String projectId) {
            var keys = accessKeys(s.anonymousClient(), projectId);
            ExchangeOptions options = new ExchangeOptions(AccessKeyArgs.claims(claims, "--claim"), tenant);
            AccessKeySession session = keys.exchange(key(s), options);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("projectId", projectId);
            doc.put("keyId", session.keyId());
            doc.put("sessionJwt", session.sessionJwt());
            doc.put("expiration", session.expiration());
            doc.put("expiresAt", session.expiresAt());
            Output out = s.output();
            // A bearer JWT on a terminal ends up in scrollback and screen shares: shown there only with --reveal.
            // Piped or captured ($(...)), stdout carries the JWT alone, which is what scripts need.
            boolean masked = s.interactive() && !reveal;
            out.result(doc, () -> out.line(masked ? mask(session.sessionJwt()) : session.sessionJwt()));
            if (!out.json()) {
                out.note("Session of access key " + session.keyId() + "; expires at " + Formats.time(session.expiresAt()) + "."
                        + (masked ? " Pass --reveal to print the JWT here, or capture the output: JWT=$(latchkey access-keys exchange ...)" : ""));
            }
            return ExitCode.OK;
        }

        private static String mask(String jwt) {
            return jwt.substring(0, Math.min(12, jwt.length())) + "...(" + jwt.length() + " characters, hidden)";
        }

        private String key(CliSession s) {
            if (fromStdin && accessKey != null) {
                throw new CliException(ExitCode.USAGE, "--access-key and --access-key-stdin exclude each other");
            }
            if (fromStdin) {
                return AccessKeyArgs.firstLine(System.in, "--access-key-stdin");
            }
            if (accessKey != null) {
                s.output().warn("--access-key puts the key in your shell history and the process list;"
                        + " prefer --access-key-stdin or " + KEY_VARIABLE + ".");
                return accessKey;
            }
            String fromEnv = s.variable(KEY_VARIABLE);
            if (fromEnv != null) {
                return fromEnv.trim();
            }
            return s.secret(null, "--access-key-stdin (or " + KEY_VARIABLE + ")", "Access key", false);
        }
    }
}
