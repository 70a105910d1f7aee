package io.latchkey.cli;

import io.latchkey.sdk.CreateTokenRequest;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.sdk.Policy;
import io.latchkey.sdk.PrincipalType;
import io.latchkey.sdk.PublicKeyInfo;
import io.latchkey.sdk.Token;
import io.latchkey.sdk.TokenKeys;
import io.latchkey.sdk.TokenSigningAlgorithm;
import io.latchkey.sdk.UpdateTokenRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latchkey token create-token|list-tokens|get-token|update-token|delete-token}: personal access
 * tokens, with exactly the flags of the vendor's CLI (seed 001).
 *
 * <p>{@code create-token -g} generates the key pair on this machine: the private key never leaves it. It is
 * written as PKCS#8 PEM (encrypted with the {@code -p} passphrase when given) to a new file with mode 0600,
 * by default {@code <config dir>/keys/<tokenId>.pem}.
 *
 * @since 0.1
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Manage personal access tokens (PATs): machine principals that sign in with a private key.",
        subcommands = {TokenCommand.CreateToken.class, TokenCommand.ListTokens.class, TokenCommand.GetToken.class,
                TokenCommand.UpdateToken.class, TokenCommand.DeleteToken.class},
        footer = {"", "Examples:", "  latchkey token create-token -n MyNewToken -g -w", "  latchkey token list-tokens",
                "  latchkey token get-token -i 3f6c...", "  latchkey token delete-token -i 3f6c..."})
final class TokenCommand extends GroupCommand {
    static final int MIN_NAME_LENGTH = 8;

    static Map<String, String> fields(Token t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ID", t.id());
        f.put("Name", t.name());
        f.put("Algorithm", algorithm(t));
        f.put("Key id", keyIds(t));
        f.put("ARI", t.ari());
        f.put("Owner", t.ownerAri());
        f.put("Created", Formats.time(t.createdAt()));
        f.put("Updated", Formats.time(t.updatedAt()));
        return f;
    }

    static String algorithm(Token t) {
        return t.authenticationMethod() == null || t.authenticationMethod().signingAlgorithm() == null ? "-"
                : t.authenticationMethod().signingAlgorithm().name();
    }

    static String keyIds(Token t) {
        PublicKeyInfo info = t.authenticationMethod() == null ? null : t.authenticationMethod().publicKeyInfo();
        if (info == null) {
            return "-";
        }
        if (info.jwksUri() != null) {
            return "(" + info.jwksUri() + ")";
        }
        if (info.pem() != null) {
            return "(PEM)";
        }
        List<String> kids = new ArrayList<>();
        info.keys().forEach(k -> kids.add(String.valueOf(k.get("kid"))));
        return kids.isEmpty() ? "-" : String.join(",", kids);
    }

    static String name(CliSession s, String given) {
        String n = s.input(given, "--name", "Token name (at least " + MIN_NAME_LENGTH + " characters)");
        if (n.length() < MIN_NAME_LENGTH) {
            throw new CliException(ExitCode.USAGE, "--name must be at least " + MIN_NAME_LENGTH + " characters long");
        }
        return n;
    }

    static TokenSigningAlgorithm algorithm(String given) {
        try {
            return TokenSigningAlgorithm.parse(given);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--algorithm: " + e.getMessage());
        }
    }

    static PublicKey publicKey(String file) {
        try {
            return TokenKeys.readPublicKey(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCode.USAGE, "--public-key-file: no such file: " + file);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "--public-key-file: cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--public-key-file " + file + ": " + e.getMessage(),
                    "give a PEM public key (-----BEGIN PUBLIC KEY-----), e.g. from: openssl pkey -in private.pem -pubout");
        }
    }

    static PublicKeyInfo jwks(PublicKey key, String kid, TokenSigningAlgorithm alg) {
        try {
            return PublicKeyInfo.jwk(TokenKeys.jwk(key, kid, alg));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage() + " (choose --algorithm to match the key)");
        }
    }

    static String tokenId(CliSession s, String given) {
        return s.input(given, "--token-id", "Token id");
    }

    /** {@code token create-token}. */
    @Command(name = "create-token", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Creates a Personal Access Token (PAT).",
                    "With -g the key pair is generated here: the private key never leaves this machine and is written",
                    "(encrypted with -p) to a new file readable by you only. With -w the token gets a policy allowing",
                    "every action on the selected project."},
            footer = {"", "Examples:", "  latchkey token create-token", "  latchkey token create-token --name \"My new token\" -g",
                    "  latchkey token create-token -n MyNewToken --with-permissions -g",
                    "  latchkey token create-token -n MyNewToken --auto-generate-key",
                    "  latchkey token create-token -n MyNewToken --auto-generate-key --passphrase \"MySecretPassphrase\" --with-permissions",
                    "  latchkey token create-token -n MyNewToken --public-key-file publicKey.pem --key-id MyKeyID --algorithm RS256 --with-permissions",
                    "  latchkey token create-token -n MyNewToken -g -w",
                    "", "Passing --passphrase on the command line exposes it to other users of the machine and to the",
                    "shell history; on a terminal, leave it out and you are asked for it without echo."})
    static final class CreateToken extends LeafCommand {
        @Option(names = {"-n", "--name"}, paramLabel = "<value>", description = "Name of the Personal Access Token, at least 8 chars long")
        String name;

        @Option(names = {"-k", "--key-id"}, paramLabel = "<value>", description = "Identifier of the key (kid); default: the token id")
        String keyId;

        @Option(names = {"-a", "--algorithm"}, paramLabel = "RS256|RS512|ES256|ES512", defaultValue = "RS256",
                description = "The specific cryptographic algorithm used with the key (default: ${DEFAULT-VALUE})")
        String algorithm;

        @Option(names = {"-w", "--with-permissions"}, description = "Set token policies to perform any action on the active project"
                + " (LATCHKEY_PROJECT, else the profile's selected project)")
        boolean withPermissions;

        @Option(names = {"-p", "--passphrase"}, paramLabel = "<value>", description = "Passphrase for generation of private public key pair")
        String passphrase;

        @ArgGroup(exclusive = true)
        KeySource source;

        static final class KeySource {
            @Option(names = {"-g", "--auto-generate-key"}, description = "Auto-generate private-public key pair")
            boolean generate;

            @Option(names = {"-f", "--public-key-file"}, paramLabel = "<value>", description = "Location of the public key PEM file")
            String publicKeyFile;
        }

        @Override
        ExitCode run(CliSession s) {
            LatchkeyClient client = s.client();
            String projectId = withPermissions ? ProjectCommand.resolve(s, null) : null;
            String n = name(s, name);
            TokenSigningAlgorithm alg = algorithm(algorithm);
            boolean generate = source != null && source.generate;
            String publicKeyFile = source == null ? null : source.publicKeyFile;
            if (!generate && publicKeyFile == null) {
                if (!s.canPrompt()) {
                    throw new CliException(ExitCode.USAGE, "missing --auto-generate-key or --public-key-file",
                            "pass -g to generate a key pair here, or -f <public key PEM>");
                }
                publicKeyFile = s.optionalInput("Public key PEM file (leave empty to generate a key pair)");
                generate = publicKeyFile == null;
            }
            if (passphrase != null && !generate) {
                throw new CliException(ExitCode.USAGE, "--passphrase encrypts a generated private key: use it with --auto-generate-key");
            }
            KeyPair generated = generate ? TokenKeys.generate(alg) : null;
            PublicKey publicKey = generate ? generated.getPublic() : publicKey(publicKeyFile);
            char[] pass = generate ? s.optionalSecret(passphrase, "Passphrase for the private key") : null;
            try {
                return create(s, client, n, alg, publicKey, generated, pass, projectId);
            } finally {
                if (pass != null) {
                    Arrays.fill(pass, '\0');
                }
            }
        }

        private ExitCode create(CliSession s, LatchkeyClient client, String n, TokenSigningAlgorithm alg, PublicKey publicKey,
                                KeyPair generated, char[] pass, String projectId) {
            // Without -k the key id becomes the token id, as the vendor's CLI does: create, then set the kid.
            String provisionalKid = keyId != null ? keyId : "pending";
            Token token = client.tokens().create(CreateTokenRequest.of(n, alg, jwks(publicKey, provisionalKid, alg)));
            String kid = keyId != null ? keyId : token.id();
            if (keyId == null) {
                token = client.tokens().update(token.id(), UpdateTokenRequest.empty().withPublicKey(jwks(publicKey, kid, alg)));
            }
            Path keyFile = generated == null ? null : writePrivateKey(s, token.id(), generated, pass);
            if (projectId != null) {
                LatchkeyClient project = s.projectClient(projectId);
                project.principals().add(PrincipalType.TOKEN, token.id());
                project.policies().set(PrincipalType.TOKEN, token.id(), Policy.fullAccess(projectId, PrincipalType.TOKEN, token.id()));
            }
            print(s.output(), token, kid, alg, keyFile, pass != null, projectId);
            return ExitCode.OK;
        }

        private static Path writePrivateKey(CliSession s, String tokenId, KeyPair pair, char[] pass) {
            Path dir = s.configDir().resolve("keys");
            Path file = dir.resolve(tokenId + ".pem");
            String pem = pass == null ? TokenKeys.privateKeyPem(pair.getPrivate()) : TokenKeys.privateKeyPem(pair.getPrivate(), pass);
            try {
                Files.createDirectories(dir);
                boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
                if (posix) {
                    // The config folder may not exist yet (a token created before any login stored a profile).
                    Files.setPosixFilePermissions(s.configDir(), PosixFilePermissions.fromString("rwx------"));
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                return file;
            } catch (FileAlreadyExistsException e) {
                throw new CliException(ExitCode.CONFLICT, "refusing to overwrite " + file + " (token " + tokenId + " was created)",
                        "delete the token (latchkey token delete-token -i " + tokenId + ") and try again");
            } catch (IOException e) {
                throw new CliException(ExitCode.GENERAL, "cannot write the private key to " + file + ": " + e.getMessage()
                        + " (token " + tokenId + " was created; delete it and try again)");
            }
        }

        private static void print(Output out, Token token, String kid, TokenSigningAlgorithm alg, Path keyFile, boolean encrypted,
                                  String projectId) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("token", token);
            doc.put("keyId", kid);
            doc.put("algorithm", alg.name());
            doc.put("privateKeyFile", keyFile == null ? null : keyFile.toString());
            doc.put("privateKeyEncrypted", keyFile == null ? null : encrypted);
            doc.put("projectId", projectId);
            doc.put("withPermissions", projectId != null);
            doc.values().removeIf(java.util.Objects::isNull);
            out.result(doc, () -> {
                out.line(out.green("Created token") + " " + token.name() + ".");
                out.fields(fields(token));
                if (keyFile != null) {
                    out.line("");
                    out.line(out.bold("Private key:") + " " + keyFile + (encrypted ? " (encrypted with your passphrase)" : " (not encrypted)")
                            + ", readable by you only. It is not stored anywhere else: keep it safe.");
                }
                out.line("");
                if (projectId != null) {
                    out.line("The token may perform any action on project " + projectId + ".");
                } else {
                    out.line("To use it in a project, add it and give it a policy:");
                    out.line("  latchkey principal add -t token -i " + token.id());
                    out.line("  latchkey policy set -t token -i " + token.id() + " -f policy.json");
                }
                out.line("Then, in your application (Java SDK):");
                out.line("  Credentials.personalAccessToken().tokenId(\"" + token.id() + "\")");
                out.line("      .privateKeyPem(Files.readString(Path.of(\"" + (keyFile == null ? "<private key PEM>" : keyFile)
                        + "\")), " + (encrypted ? "passphrase" : "null") + ")");
                if (!"RS256".equals(alg.name()) && !"ES256".equals(alg.name()) && !"ES512".equals(alg.name())) {
                    out.line("      .algorithm(TokenSigningAlgorithm." + alg.name() + ")");
                }
                if (!kid.equals(token.id())) {
                    out.line("      .keyId(\"" + kid + "\")");
                }
                out.line("      .projectId(\"" + (projectId == null ? "<projectId>" : projectId) + "\").build()");
            });
        }
    }

    /** {@code token list-tokens}. */
    @Command(name = "list-tokens", mixinStandardHelpOptions = true,
            description = "Lists your Personal Access Tokens (PATs)",
            footer = {"", "Examples:", "  latchkey token list-tokens", "  latchkey --json token list-tokens | jq -r '.tokens[].id'"})
    static final class ListTokens extends LeafCommand {
        @Override
        ExitCode run(CliSession s) {
            List<Token> tokens = s.client().tokens().list().stream().toList();
            Output out = s.output();
            out.result(Map.of("tokens", tokens), () -> out.table(List.of("ID", "NAME", "ALGORITHM", "KEY ID", "CREATED"),
                    tokens.stream().map(t -> List.of(t.id(), t.name(), algorithm(t), keyIds(t), Formats.time(t.createdAt()))).toList(),
                    "No tokens. Create one with: latchkey token create-token -n <name> -g"));
            return ExitCode.OK;
        }
    }

    /** {@code token get-token}. */
    @Command(name = "get-token", mixinStandardHelpOptions = true,
            description = {"Gets the details of a Personal Access Token (PAT)", "and the projects it belongs to."},
            footer = {"", "Examples:", "  latchkey token get-token -i [uuid]", "  latchkey token get-token --token-id [uuid]"})
    static final class GetToken extends LeafCommand {
        @Option(names = {"-i", "--token-id"}, paramLabel = "<value>", description = "ID of the Personal Access Token")
        String tokenId;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String id = tokenId(s, tokenId);
            Token t = client.tokens().get(id);
            var projects = client.tokens().projects(id).stream().toList();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("token", t);
            doc.put("projects", projects);
            Output out = s.output();
            out.result(doc, () -> {
                out.fields(fields(t));
                out.line("");
                out.table(List.of("PROJECT", "NAME", "STATEMENTS"), projects.stream()
                        .map(p -> List.of(p.id(), p.name(), Integer.toString(p.policy().statements().size()))).toList(),
                        "Not a principal of any project.");
            });
            return ExitCode.OK;
        }
    }

    /** {@code token update-token}. */
    @Command(name = "update-token", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Updates a Personal Access Token (PAT)", "Options left out stay as they are."},
            footer = {"", "Examples:", "  latchkey token update-token -i [uuid] -n MyNewToken -k MyKeyID -f publicKey.pem",
                    "  latchkey token update-token --token-id [uuid] --name \"My new token\" --key-id \"My key ID\" --public-key-file publicKey.pem --algorithm RS256"})
    static final class UpdateToken extends LeafCommand {
        @Option(names = {"-i", "--token-id"}, paramLabel = "<value>", description = "ID of the Personal Access Token")
        String tokenId;

        @Option(names = {"-n", "--name"}, paramLabel = "<value>", description = "Name of the Personal Access Token, at least 8 chars long")
        String name;

        @Option(names = {"-k", "--key-id"}, paramLabel = "<value>", description = "Identifier of the key (kid)")
        String keyId;

        @Option(names = {"-f", "--public-key-file"}, paramLabel = "<value>", description = "Location of the public key PEM file")
        String publicKeyFile;

        @Option(names = "--algorithm", paramLabel = "RS256|RS512|ES256|ES512",
                description = "The specific cryptographic algorithm used with the key (default: unchanged)")
        String algorithm;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String id = tokenId(s, tokenId);
            if (name == null && keyId == null && publicKeyFile == null && algorithm == null) {
                throw new CliException(ExitCode.USAGE, "nothing to update", "pass --name, --key-id, --public-key-file or --algorithm");
            }
            UpdateTokenRequest change = UpdateTokenRequest.empty().withName(name == null ? null : name(s, name));
            if (keyId != null || publicKeyFile != null || algorithm != null) {
                change = withKey(client.tokens().get(id), change);
            }
            Token t = client.tokens().update(id, change);
            Output out = s.output();
            out.result(t, () -> {
                out.line(out.green("Updated token") + " " + t.id() + ".");
                out.fields(fields(t));
            });
            return ExitCode.OK;
        }

        /** The new key member: the new PEM, or the current JWK set with the new kid and algorithm. */
        private UpdateTokenRequest withKey(Token current, UpdateTokenRequest change) {
            TokenSigningAlgorithm alg = algorithm != null ? algorithm(algorithm) : current.authenticationMethod().signingAlgorithm();
            if (publicKeyFile != null) {
                String kid = keyId != null ? keyId : firstKid(current);
                return change.withSigningAlgorithm(alg).withPublicKey(jwks(publicKey(publicKeyFile), kid, alg));
            }
            PublicKeyInfo info = current.authenticationMethod().publicKeyInfo();
            if (info == null || info.jwks() == null) {
                if (keyId != null) {
                    throw new CliException(ExitCode.USAGE, "the token's key is not an inline JWK set; pass --public-key-file with --key-id");
                }
                return change.withSigningAlgorithm(alg);
            }
            List<Map<String, Object>> keys = new ArrayList<>();
            for (Map<String, Object> k : info.keys()) {
                Map<String, Object> copy = new LinkedHashMap<>(k);
                if (keyId != null) {
                    copy.put("kid", keyId);
                }
                copy.put("alg", alg.name());
                keys.add(copy);
            }
            return change.withSigningAlgorithm(alg).withPublicKey(PublicKeyInfo.jwks(Map.of("keys", keys)));
        }

        private static String firstKid(Token t) {
            PublicKeyInfo info = t.authenticationMethod().publicKeyInfo();
            Object kid = info == null || info.keys().isEmpty() ? null : info.keys().get(0).get("kid");
            return kid == null ? t.id() : kid.toString();
        }
    }

    /** {@code token delete-token}. */
    @Command(name = "delete-token", mixinStandardHelpOptions = true,
            description = {"Deletes a Personal Access Token (PAT)",
                    "It is removed from every project and can no longer obtain access tokens."},
            footer = {"", "Examples:", "  latchkey token delete-token -i [uuid]", "  latchkey token delete-token --token-id [uuid]"})
    static final class DeleteToken extends LeafCommand {
        @Option(names = {"-i", "--token-id"}, paramLabel = "<value>", description = "ID of the Personal Access Token")
        String tokenId;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String id = tokenId(s, tokenId);
            client.tokens().delete(id);
            Output out = s.output();
            out.result(Map.of("deleted", id), () -> out.line(out.green("Deleted token") + " " + id + "."));
            return ExitCode.OK;
        }
    }
}
