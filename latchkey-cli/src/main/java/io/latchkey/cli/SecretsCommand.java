package io.latchkey.cli;

import io.latchkey.sdk.JsonCodec;
import io.latchkey.sdk.Secret;
import io.latchkey.sdk.SecretListOptions;
import io.latchkey.sdk.SecretListing;
import io.latchkey.sdk.SecretLocation;
import io.latchkey.sdk.SecretWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code latchkey secrets set|get|list|delete|export}: a project's secrets per environment and folder.
 *
 * <p>Values are never printed unless asked: {@code get} and {@code list} show {@code ***} (and leave the
 * value out of {@code --json}) without {@code --reveal} or {@code --plain}; {@code export} exists to print
 * them. Values to set come from {@code NAME=VALUE} arguments, or, for a bare {@code NAME}, from a prompt
 * without echo or from standard input, which keeps them out of shell history.
 *
 * @since 0.1
 */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = {"Set, read, list, delete and export a project's secrets.",
                "Values are shown only with --reveal or --plain (and by export, which exists to print them)."},
        subcommands = {SecretsCommand.Set.class, SecretsCommand.Get.class, SecretsCommand.ListSecrets.class,
                SecretsCommand.Delete.class, SecretsCommand.Export.class},
        footer = {"", "Examples:",
                "  latchkey secrets set DB_PASSWORD --project P... --env prod --path /db      (prompts, no echo)",
                "  printf %s \"$VALUE\" | latchkey secrets set API_KEY --env prod",
                "  latchkey secrets set LOG_LEVEL=debug FEATURE_X=on --env dev",
                "  latchkey secrets list --env prod --recursive",
                "  latchkey secrets get DB_PASSWORD --env prod --path /db --plain",
                "  latchkey secrets export --env prod --format dotenv > .env",
                "", "The project comes from --project, LATCHKEY_PROJECT or the profile's selected project;",
                "--env defaults to dev, --path to /."})
final class SecretsCommand extends GroupCommand {
    static final String MASK = "***";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    static String where(SecretLocation l) {
        return l.environment() + ":" + l.path();
    }

    /** {@code secrets set}. */
    @Command(name = "set", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Create or update secrets, all or nothing.",
                    "NAME=VALUE sets a value given on the command line (visible in shell history and to other",
                    "users of the machine through ps); a bare NAME reads its value from a prompt without echo or,",
                    "without a terminal, from standard input (one trailing newline dropped)."},
            footer = {"", "Examples:", "  latchkey secrets set DB_PASSWORD --env prod --path /db",
                    "  latchkey secrets set DB_PASSWORD --env prod < ./password.txt",
                    "  latchkey secrets set LOG_LEVEL=debug TIMEOUT=30 --env dev --comment 'tuning'",
                    "  latchkey --json secrets set API_KEY=abc | jq '.secrets[].version'"})
    static final class Set extends LeafCommand {
        @Parameters(arity = "1..*", paramLabel = "NAME[=VALUE]", description = "Secrets to set.")
        List<String> assignments;

        @Mixin
        SecretScopeOptions scope = new SecretScopeOptions();

        @Option(names = "--comment", paramLabel = "<text>", description = "A comment for every secret set.")
        String comment;

        @Override
        ExitCode run(CliSession s) {
            SecretLocation where = scope.location(s);
            var client = s.client();
            List<SecretWrite> writes = writes(s);
            List<Secret> done = client.secrets().upsertAll(where, writes);
            Output out = s.output();
            out.result(Map.of("secrets", done.stream().map(x -> SecretView.of(x, false)).toList()), () -> {
                for (Secret x : done) {
                    out.line(out.green(x.version() == 1 ? "Created" : "Updated") + " " + x.key() + " in " + where(where)
                            + " (version " + x.version() + ").");
                }
            });
            return ExitCode.OK;
        }

        private List<SecretWrite> writes(CliSession s) {
            List<SecretWrite> out = new ArrayList<>();
            long bare = assignments.stream().filter(a -> a.indexOf('=') < 0).count();
            if (bare > 1 && !s.canPrompt()) {
                throw new CliException(ExitCode.USAGE, "only one bare NAME can read its value from standard input",
                        "set the others as NAME=VALUE, or run on a terminal to be prompted");
            }
            for (String a : assignments) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                if (!NAME.matcher(name).matches()) {
                    throw new CliException(ExitCode.USAGE, "secret names are 1 to 256 letters, digits, _ and -; got '"
                            + name + "'");
                }
                String value = eq < 0 ? ValueInput.secretValue(s, name) : a.substring(eq + 1);
                SecretWrite w = SecretWrite.of(name, value);
                out.add(comment == null ? w : w.withComment(comment));
            }
            return out;
        }
    }

    /** {@code secrets get}. */
    @Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Show one secret. The value is masked unless --reveal (shown with the details) or --plain",
                    "(only the value, for scripts) is given."},
            footer = {"", "Examples:", "  latchkey secrets get DB_PASSWORD --env prod --path /db",
                    "  export DB_PASSWORD=\"$(latchkey secrets get DB_PASSWORD --env prod --path /db --plain)\"",
                    "  latchkey --json secrets get DB_PASSWORD --env prod --reveal | jq -r .value",
                    "  latchkey secrets get DB_PASSWORD --env prod --secret-version 2 --reveal"})
    static final class Get extends LeafCommand {
        @Parameters(paramLabel = "NAME", description = "The secret's name.")
        String name;

        @Mixin
        SecretScopeOptions scope = new SecretScopeOptions();

        @Option(names = "--reveal", description = "Show the value.")
        boolean reveal;

        @Option(names = "--plain", description = "Print only the value (and a newline), nothing else.")
        boolean plain;

        @Option(names = "--secret-version", paramLabel = "<n>", description = "A past version.")
        Integer version;

        @Option(names = "--include-imports", description = "Fall back to the folder's imports.")
        boolean includeImports;

        @Option(names = "--no-expand", description = "Do not expand ${...} references.")
        boolean noExpand;

        @Override
        ExitCode run(CliSession s) {
            SecretLocation where = scope.location(s);
            Secret x = s.client().secrets().get(where, name, SecretListOptions.defaults().withImports(includeImports)
                    .withExpandReferences(!noExpand), version);
            Output out = s.output();
            if (plain && !out.json()) {
                if (x.valueHidden()) {
                    throw new CliException(ExitCode.FORBIDDEN, "you may list " + x.key() + " but not read its value");
                }
                out.line(x.value());
                return ExitCode.OK;
            }
            boolean show = reveal || plain;
            out.result(SecretView.of(x, show), () -> {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("Name", x.key());
                f.put("Value", x.valueHidden() ? "(hidden: no secrets:Read)" : show ? x.value() : MASK + "  (use --reveal)");
                f.put("Where", where(where));
                f.put("Version", Integer.toString(x.version()));
                f.put("Type", x.type());
                f.put("Comment", x.comment() == null || x.comment().isEmpty() ? null : x.comment());
                f.put("Updated", Formats.time(x.updatedAt()));
                f.put("ID", x.id());
                out.fields(f);
            });
            x.referenceErrors().forEach(e -> out.warn("reference " + e.reference() + " expanded to nothing: " + e.reason()));
            return ExitCode.OK;
        }
    }

    /** {@code secrets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = "List the secrets of a folder; values are masked unless --reveal.",
            footer = {"", "Examples:", "  latchkey secrets list --env prod", "  latchkey secrets list --env prod --path /db --reveal",
                    "  latchkey secrets list --env prod --recursive --include-imports",
                    "  latchkey --json secrets list --env prod | jq -r '.secrets[].key'"})
    static final class ListSecrets extends LeafCommand {
        @Mixin
        SecretScopeOptions scope = new SecretScopeOptions();

        @Option(names = "--reveal", description = "Show the values.")
        boolean reveal;

        @Option(names = "--recursive", description = "Include every folder below.")
        boolean recursive;

        @Option(names = "--include-imports", description = "Include the secrets the folder imports.")
        boolean includeImports;

        @Override
        ExitCode run(CliSession s) {
            SecretLocation where = scope.location(s);
            SecretListing l = s.client().secrets().list(where, SecretListOptions.defaults().withRecursive(recursive)
                    .withImports(includeImports).withValues(reveal));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("secrets", l.secrets().stream().map(x -> SecretView.of(x, reveal)).toList());
            if (includeImports) {
                doc.put("imports", l.imports().stream().map(i -> Map.of("environment", i.environment(), "path", i.path(),
                        "secrets", i.secrets().stream().map(x -> SecretView.of(x, reveal)).toList())).toList());
            }
            Output out = s.output();
            out.result(doc, () -> {
                List<List<String>> rows = new ArrayList<>();
                l.secrets().forEach(x -> rows.add(row(x, reveal, null)));
                l.imports().forEach(i -> i.secrets().forEach(x -> rows.add(row(x, reveal, i.environment() + ":" + i.path()))));
                out.table(List.of("NAME", "VALUE", "PATH", "VERSION", "UPDATED", "IMPORTED FROM"), rows,
                        "No secrets in " + where(where) + ".");
            });
            return ExitCode.OK;
        }

        private static List<String> row(Secret x, boolean reveal, String importedFrom) {
            String v = x.valueHidden() ? "(hidden)" : reveal ? oneLine(x.value()) : MASK;
            return java.util.Arrays.asList(x.key(), v, x.path(), Integer.toString(x.version()), Formats.time(x.updatedAt()),
                    importedFrom);
        }

        private static String oneLine(String v) {
            return v == null ? null : v.replace("\n", "\\n").replace("\r", "\\r");
        }
    }

    /** {@code secrets delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Delete secrets with their history, all or nothing. Asks unless --yes."},
            footer = {"", "Examples:", "  latchkey secrets delete OLD_KEY --env dev", "  latchkey secrets delete A B C --env dev --yes"})
    static final class Delete extends LeafCommand {
        @Parameters(arity = "1..*", paramLabel = "NAME", description = "Secrets to delete.")
        List<String> names;

        @Mixin
        SecretScopeOptions scope = new SecretScopeOptions();

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s) {
            SecretLocation where = scope.location(s);
            var client = s.client();
            if (!s.confirm("Delete " + String.join(", ", names) + " from " + where(where) + "?", yes, "--yes")) {
                s.output().note("Not deleted.");
                return ExitCode.GENERAL;
            }
            List<Secret> gone = client.secrets().deleteAll(where, names);
            Output out = s.output();
            out.result(Map.of("secrets", gone.stream().map(x -> SecretView.of(x, false)).toList()),
                    () -> gone.forEach(x -> out.line(out.green("Deleted") + " " + x.key() + " from " + where(where) + ".")));
            return ExitCode.OK;
        }
    }

    /** {@code secrets export}. */
    @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Print a folder's secrets (with its imports) as a dotenv file or a JSON object.",
                    "This prints values: that is what it is for. Prefer 'latchkey run' to hand them to a program",
                    "without writing them anywhere; --output writes a file only you can read (mode 0600)."},
            footer = {"", "Examples:", "  latchkey secrets export --env prod --format dotenv > .env",
                    "  latchkey secrets export --env prod --format json --output secrets.json",
                    "  latchkey secrets export --env staging --path /db --no-imports"})
    static final class Export extends LeafCommand {
        @Mixin
        SecretScopeOptions scope = new SecretScopeOptions();

        @Option(names = "--format", paramLabel = "<format>", defaultValue = "dotenv",
                description = "dotenv (default) or json.")
        String format;

        @Option(names = "--output", paramLabel = "<file>", description = "Write to this file (mode 0600) instead of stdout.")
        String output;

        @Option(names = "--no-imports", description = "Leave out the secrets the folder imports.")
        boolean noImports;

        @Override
        ExitCode run(CliSession s) {
            if (!format.equals("dotenv") && !format.equals("json")) {
                throw new CliException(ExitCode.USAGE, "--format must be dotenv or json, got " + format);
            }
            SecretLocation where = scope.location(s);
            SecretListing l = s.client().secrets().list(where, SecretListOptions.defaults().withImports(!noImports));
            Map<String, String> values = l.effectiveValues();
            String text = format.equals("json") || s.output().json() ? JsonCodec.writePretty(values) + "\n" : dotenv(values);
            if (output == null) {
                s.output().print(text);
            } else {
                writePrivate(Path.of(output), text);
                s.output().note("Wrote " + values.size() + " secrets of " + where(where) + " to " + output + " (mode 0600).");
            }
            return ExitCode.OK;
        }

        static String dotenv(Map<String, String> values) {
            StringBuilder b = new StringBuilder();
            values.forEach((k, v) -> b.append(k).append('=').append(dotenvValue(v == null ? "" : v)).append('\n'));
            return b.toString();
        }

        /**
         * A dotenv value every common parser reads back unchanged: bare when plain, single-quoted (literal,
         * no expansion) when it has no single quote or newline, else double-quoted with escapes.
         */
        static String dotenvValue(String v) {
            if (v.matches("[A-Za-z0-9_./:@+,-]*")) {
                return v;
            }
            if (v.indexOf('\'') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
                return "'" + v + "'";
            }
            return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                    + "\"";
        }

        private static void writePrivate(Path file, String text) {
            try {
                Files.deleteIfExists(file);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new CliException(ExitCode.GENERAL, "cannot write " + file + ": " + e.getMessage(), null, e);
            }
        }
    }
}
