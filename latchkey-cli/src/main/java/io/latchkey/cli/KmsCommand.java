package io.latchkey.cli;

import io.latchkey.sdk.KmsKey;
import io.latchkey.sdk.KmsSignature;
import io.latchkey.sdk.LatchkeyClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code latchkey kms ...}: KMS keys of a project of type {@code kms}. Keys are named by id or by name
 * (with the project). Data to encrypt or sign comes from standard input or a file, never from an
 * argument; key material never leaves the server.
 *
 * @since 0.1
 */
@Command(name = "kms", mixinStandardHelpOptions = true,
        description = {"Manage KMS keys; encrypt, decrypt, sign and verify with them.",
                "Keys belong to projects of type kms. A <key> is a key id, or a key name with --project."},
        subcommands = {KmsCommand.Create.class, KmsCommand.ListKeys.class, KmsCommand.Get.class, KmsCommand.Delete.class,
                KmsCommand.Rotate.class, KmsCommand.Encrypt.class, KmsCommand.Decrypt.class, KmsCommand.Sign.class,
                KmsCommand.Verify.class, KmsCommand.PublicKey.class},
        footer = {"", "Examples:", "  latchkey kms create --project P... --name payments",
                "  echo -n 'card 4111' | latchkey kms encrypt payments --project P... > card.enc",
                "  latchkey kms decrypt payments --project P... < card.enc",
                "  latchkey kms create --project P... --name signer --usage sign-verify --algorithm ECC_NIST_P256",
                "  latchkey kms sign signer --project P... --algorithm ECDSA_SHA_256 --data-file release.tar > sig",
                "  latchkey kms verify signer --project P... --algorithm ECDSA_SHA_256 --data-file release.tar --signature \"$(cat sig)\""})
final class KmsCommand extends GroupCommand {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static Map<String, String> fields(KmsKey k) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ID", k.id());
        f.put("Name", k.name());
        f.put("Usage", k.usage());
        f.put("Algorithm", k.algorithm());
        f.put("Version", Integer.toString(k.version()));
        f.put("Status", k.disabled() ? "disabled" : "enabled");
        f.put("Description", k.description() == null || k.description().isEmpty() ? null : k.description());
        f.put("Project", k.projectId());
        f.put("Created", Formats.time(k.createdAt()));
        return f;
    }

    /** A key argument and the project that names it. */
    static final class KeyRef {
        @Parameters(index = "0", paramLabel = "<key>", description = "The key's id, or its name with --project.")
        String key;

        @Option(names = {"--project", "-p"}, paramLabel = "<projectId>",
                description = "The project, to name the key by name (default: LATCHKEY_PROJECT or the profile's).")
        String project;

        /** The key's id: as given when it is a UUID, else looked up by name in the project. */
        String id(CliSession s, LatchkeyClient client) {
            if (UUID.matcher(key).matches()) {
                return key;
            }
            return client.kms().getByName(SecretScopeOptions.projectId(s, project), key).id();
        }
    }

    /** Where input data comes from: --data-file (or '-'), else standard input. */
    static final class DataOptions {
        @Option(names = "--data-file", paramLabel = "<file>", description = "Read the data from this file (default: standard input).")
        String dataFile;

        byte[] read(CliSession s) {
            return dataFile == null ? ValueInput.stdinBytes(s, "the data") : ValueInput.fileBytes(s, dataFile, "the data");
        }
    }

    /** {@code kms create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false, description = "Create a key.",
            footer = {"", "Examples:", "  latchkey kms create --project P... --name payments",
                    "  latchkey kms create --project P... --name signer --usage sign-verify --algorithm RSA_4096"})
    static final class Create extends LeafCommand {
        @Option(names = {"--project", "-p"}, paramLabel = "<projectId>", description = "The kms project (default: LATCHKEY_PROJECT or the profile's).")
        String project;

        @Option(names = "--name", required = true, paramLabel = "<name>", description = "The key's name (a slug, 1-32 characters).")
        String name;

        @Option(names = "--usage", paramLabel = "<usage>", description = "encrypt-decrypt (default) or sign-verify.")
        String usage;

        @Option(names = "--algorithm", paramLabel = "<alg>",
                description = "aes-256-gcm (default), aes-128-gcm; RSA_4096 or ECC_NIST_P256 for sign-verify.")
        String algorithm;

        @Option(names = "--description", paramLabel = "<text>", description = "What the key is for.")
        String description;

        @Override
        ExitCode run(CliSession s) {
            KmsKey k = s.client().kms().create(SecretScopeOptions.projectId(s, project), name, usage, algorithm, description);
            Output out = s.output();
            out.result(k, () -> {
                out.line(out.green("Created key") + " " + k.name() + ".");
                out.fields(fields(k));
            });
            return ExitCode.OK;
        }
    }

    /** {@code kms list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a project's keys.",
            footer = {"", "Examples:", "  latchkey kms list --project P...", "  latchkey --json kms list --project P... | jq -r '.keys[].name'"})
    static final class ListKeys extends LeafCommand {
        @Option(names = {"--project", "-p"}, paramLabel = "<projectId>", description = "The kms project (default: LATCHKEY_PROJECT or the profile's).")
        String project;

        @Override
        ExitCode run(CliSession s) {
            List<KmsKey> keys = s.client().kms().list(SecretScopeOptions.projectId(s, project)).stream().toList();
            Output out = s.output();
            out.result(Map.of("keys", keys), () -> out.table(List.of("ID", "NAME", "USAGE", "ALGORITHM", "VERSION", "STATUS"),
                    keys.stream().map(k -> List.of(k.id(), k.name(), k.usage(), k.algorithm(), Integer.toString(k.version()),
                            k.disabled() ? "disabled" : "enabled")).toList(), "No keys."));
            return ExitCode.OK;
        }
    }

    /** {@code kms get}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a key.",
            footer = {"", "Examples:", "  latchkey kms get payments --project P...", "  latchkey --json kms get 0b9e..."})
    static final class Get extends LeafCommand {
        @picocli.CommandLine.Mixin
        KeyRef ref = new KeyRef();

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            KmsKey k = client.kms().get(ref.id(s, client));
            Output out = s.output();
            out.result(k, () -> out.fields(fields(k)));
            return ExitCode.OK;
        }
    }

    /** {@code kms delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a key. What it encrypted can never be decrypted again. Asks unless --yes."},
            footer = {"", "Examples:", "  latchkey kms delete payments --project P... --yes"})
    static final class Delete extends LeafCommand {
        @picocli.CommandLine.Mixin
        KeyRef ref = new KeyRef();

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String id = ref.id(s, client);
            if (!s.confirm("Delete key " + ref.key + "? Ciphertexts it made can never be decrypted again.", yes, "--yes")) {
                s.output().note("Not deleted.");
                return ExitCode.GENERAL;
            }
            KmsKey k = client.kms().delete(id);
            Output out = s.output();
            out.result(k, () -> out.line(out.green("Deleted key") + " " + k.name() + " (" + k.id() + ")."));
            return ExitCode.OK;
        }
    }

    /** {@code kms rotate}. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Rotate a key: new operations use a new version; old ciphertexts and signatures keep working.",
            footer = {"", "Examples:", "  latchkey kms rotate payments --project P..."})
    static final class Rotate extends LeafCommand {
        @picocli.CommandLine.Mixin
        KeyRef ref = new KeyRef();

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            KmsKey k = client.kms().rotate(ref.id(s, client));
            Output out = s.output();
            out.result(k, () -> out.line(out.green("Rotated key") + " " + k.name() + " to version " + k.version() + "."));
            return ExitCode.OK;
        }
    }

    /** {@code kms encrypt}. */
    @Command(name = "encrypt", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Encrypt up to 4096 bytes from standard input (or --data-file); prints the ciphertext (base64)."},
            footer = {"", "Examples:", "  echo -n 'secret' | latchkey kms encrypt payments --project P... > secret.enc",
                    "  latchkey kms encrypt 0b9e... --data-file card.txt",
                    "  latchkey --json kms encrypt payments -p P... < card.txt | jq -r .ciphertext"})
    static final class Encrypt extends LeafCommand {
        @picocli.CommandLine.Mixin
        KeyRef ref = new KeyRef();

        @picocli.CommandLine.Mixin
        DataOptions data = new DataOptions();

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String id = ref.id(s, client);
            String ciphertext = client.kms().encrypt(id, data.read(s));
            Output out = s.output();
            out.result(Map.of("keyId", id, "ciphertext", ciphertext), () -> out.line(ciphertext));
            return ExitCode.OK;
        }
    }

    /** {@code kms decrypt}. */
    @Command(name = "decrypt", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Decrypt a ciphertext (base64) from --ciphertext or standard input; prints the plaintext",
                    "exactly (raw bytes, no newline added). Under --json: {keyId, plaintext} with plaintext in base64."},
            footer = {"", "Examples:", "  latchkey kms decrypt payments --project P... < secret.enc",
                    "  latchkey kms decrypt 0b9e... --ciphertext \"$CIPHERTEXT\" > card.txt"})
    static final class Decrypt extends LeafCommand {
        @picocli.CommandLine.Mixin
        KeyRef ref = new KeyRef();

        @Option(names = "--ciphertext", paramLabel = "<base64>", description = "The ciphertext (default: standard input).")
        String ciphertext;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String id = ref.id(s, client);
            String c = ciphertext != null ? ciphertext : new String(ValueInput.stdinBytes(s, "the ciphertext"),
                    StandardCharsets.US_ASCII).strip();
            if (c.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "no ciphertext given", "pass --ciphertext or pipe it in");
            }
            byte[] plaintext = client.kms().decrypt(id, c);
            Output out = s.output();
            if (out.json()) {
                out.result(Map.of("keyId", id, "plaintext", Base64.getEncoder().encodeToString(plaintext)), () -> { });
            } else {
                String text = utf8(plaintext);
                if (text != null) {
                    out.print(text);
                } else {
                    writeRaw(plaintext);
                }
            }
            return ExitCode.OK;
        }

        /** The bytes as text when they are valid UTF-8, else null. */
        private static String utf8(byte[] bytes) {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException binary) {
                return null;
            }
        }

        /** Binary plaintext goes to the process's stdout as bytes (a text writer would alter it). */
        private static void writeRaw(byte[] bytes) {
            PrintStream stdout = System.out;
            stdout.write(bytes, 0, bytes.length);
            stdout.flush();
        }
    }

    /** {@code kms sign}. */
    @Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Sign data from standard input (or --data-file); prints the signature (base64).",
            footer = {"", "Examples:", "  latchkey kms sign signer -p P... --algorithm ECDSA_SHA_256 --data-file release.tar > release.sig",
                    "  sha256sum ... | latchkey kms sign signer -p P... --algorithm RSASSA_PSS_SHA_256 --digest"})
    static final class Sign extends LeafCommand {
        @picocli.CommandLine.Mixin
        KeyRef ref = new KeyRef();

        @picocli.CommandLine.Mixin
        DataOptions data = new DataOptions();

        @Option(names = "--algorithm", required = true, paramLabel = "<alg>",
                description = "ECDSA_SHA_256|384|512 (ECC keys), RSASSA_PSS_SHA_256|384|512 or RSASSA_PKCS1_V1_5_SHA_256|384|512 (RSA).")
        String algorithm;

        @Option(names = "--digest", description = "The data is a digest computed already.")
        boolean digest;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            KmsSignature sig = client.kms().sign(ref.id(s, client), data.read(s), algorithm, digest);
            Output out = s.output();
            out.result(sig, () -> out.line(sig.signature()));
            return ExitCode.OK;
        }
    }

    /** {@code kms verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Verify a signature of data from standard input (or --data-file) with any version of the key.",
                    "Exit code 0 when valid, 1 when not."},
            footer = {"", "Examples:", "  latchkey kms verify signer -p P... --algorithm ECDSA_SHA_256 --data-file release.tar \\",
                    "      --signature \"$(cat release.sig)\""})
    static final class Verify extends LeafCommand {
        @picocli.CommandLine.Mixin
        KeyRef ref = new KeyRef();

        @picocli.CommandLine.Mixin
        DataOptions data = new DataOptions();

        @Option(names = "--algorithm", required = true, paramLabel = "<alg>", description = "The signing algorithm.")
        String algorithm;

        @Option(names = "--signature", required = true, paramLabel = "<base64>", description = "The signature.")
        String signature;

        @Option(names = "--digest", description = "The data is a digest computed already.")
        boolean digest;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String id = ref.id(s, client);
            boolean valid = client.kms().verify(id, data.read(s), signature, algorithm, digest);
            Output out = s.output();
            out.result(Map.of("keyId", id, "signatureValid", valid, "signingAlgorithm", algorithm),
                    () -> out.line(valid ? out.green("Signature valid") + "." : out.red("Signature NOT valid") + "."));
            return valid ? ExitCode.OK : ExitCode.GENERAL;
        }
    }

    /** {@code kms public-key}. */
    @Command(name = "public-key", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Print a signing key's public key as PEM (or base64 DER under --json).",
            footer = {"", "Examples:", "  latchkey kms public-key signer -p P... > signer.pem",
                    "  latchkey kms public-key signer -p P... --key-version 1"})
    static final class PublicKey extends LeafCommand {
        @picocli.CommandLine.Mixin
        KeyRef ref = new KeyRef();

        @Option(names = "--key-version", paramLabel = "<n>", description = "An earlier version's key.")
        Integer version;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String id = ref.id(s, client);
            String der = client.kms().publicKey(id, version);
            Output out = s.output();
            out.result(Map.of("keyId", id, "publicKey", der), () -> out.print(pem(der)));
            return ExitCode.OK;
        }

        static String pem(String base64Der) {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(Base64.getDecoder().decode(base64Der));
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        }
    }
}
