package io.latchkey.cli;

import io.latchkey.sdk.SigningAlgorithm;
import io.latchkey.sdk.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latchkey keys list|rotate}: the instance's signing keys.
 *
 * @since 0.1
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Inspect and rotate the instance's signing keys (instance administrator).",
        subcommands = {KeysCommand.ListKeys.class, KeysCommand.Rotate.class},
        footer = {"", "Examples:", "  latchkey keys list", "  latchkey keys rotate --algorithm RS256"})
final class KeysCommand extends GroupCommand {
    /** The keys[0] trap of docs/OPERATIONS.md ("Signing-key rotation"), shown before an ES256 rotation. */
    static final String ES256_WARNING = "the IAM dialect's official auth provider downloads the JWKS once per process and"
            + " keeps keys[0] forever: after an ES256 rotation its long-running processes cannot verify new"
            + " project-scoped tokens until they restart. Rotate ES256 only when you can restart such clients"
            + " (see docs/OPERATIONS.md, \"Signing-key rotation\").";

    static void printKeys(Output out, List<SigningKey> keys) {
        out.table(List.of("KID", "ALGORITHM", "STATUS", "CREATED", "ACTIVATED", "RETIRED", "PUBLISHED UNTIL"),
                keys.stream().map(k -> java.util.Arrays.asList(k.kid(), k.algorithm(), k.status(), Formats.time(k.createdAt()),
                        Formats.time(k.activatedAt()), Formats.time(k.retiredAt()), Formats.time(k.publishUntil()))).toList(),
                "No keys.");
    }

    /** {@code keys list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the signing keys (public metadata only).",
            footer = {"", "Examples:", "  latchkey keys list", "  latchkey --json keys list"})
    static final class ListKeys extends LeafCommand {
        @Override
        ExitCode run(CliSession s) {
            List<SigningKey> keys = s.client().keys().list();
            Output out = s.output();
            out.result(Map.of("keys", keys), () -> printKeys(out, keys));
            return ExitCode.OK;
        }
    }

    /** {@code keys rotate}. */
    @Command(name = "rotate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Rotate one algorithm's signing key.",
                    "The pre-published next key starts signing, the active key retires (still published until",
                    "its tokens expire), and a new next key is published.",
                    "Asks for confirmation unless --yes."},
            footer = {"", "Examples:", "  latchkey keys rotate", "  latchkey keys rotate --algorithm RS256 --yes",
                    "", "Warning for ES256: clients that cache keys[0] of the JWKS for the life of their process",
                    "(the IAM dialect's official auth provider does) must be restarted; see docs/OPERATIONS.md."})
    static final class Rotate extends LeafCommand {
        @Option(names = "--algorithm", paramLabel = "<alg>", defaultValue = "ES256",
                description = "ES256 (default; IAM and secrets dialects) or RS256 (access-key dialect).")
        SigningAlgorithm algorithm;

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            Output out = s.output();
            if (algorithm == SigningAlgorithm.ES256) {
                out.warn(ES256_WARNING);
            }
            if (!s.confirm("Rotate the " + algorithm + " signing key of " + s.server() + "?", yes, "--yes")) {
                out.note("Not rotated.");
                return ExitCode.GENERAL;
            }
            List<SigningKey> keys = client.keys().rotate(algorithm);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("algorithm", algorithm.name());
            doc.put("keys", keys);
            out.result(doc, () -> {
                out.line(out.green("Rotated") + " the " + algorithm + " signing key.");
                printKeys(out, keys);
            });
            return ExitCode.OK;
        }
    }
}
