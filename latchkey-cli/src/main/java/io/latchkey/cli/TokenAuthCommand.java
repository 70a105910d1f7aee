package io.latchkey.cli;

import io.latchkey.sdk.CreatedIdentityToken;
import io.latchkey.sdk.IdentityToken;
import io.latchkey.sdk.TokenAuth;
import io.latchkey.sdk.TokenAuthSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latchkey identity token-auth ...}: an identity's token auth (specs/infisical.md section 3.2) and
 * the tokens an administrator mints with it. A minted token is printed once, alone on stdout, exactly as
 * {@code identity client-secret create} prints a client secret; every other output shows token records.
 *
 * @since 0.1
 */
@Command(name = "token-auth", mixinStandardHelpOptions = true,
        description = {"Attach, show, change or detach token auth, and mint, list, rename and revoke its tokens.",
                "A token-auth token is used as it is: LATCHKEY_TOKEN=<token> latchkey ..."},
        subcommands = {TokenAuthCommand.Attach.class, TokenAuthCommand.Get.class, TokenAuthCommand.Update.class,
                TokenAuthCommand.Revoke.class, TokenAuthCommand.TokenGroup.class},
        footer = {"", "Examples:", "  latchkey identity token-auth attach 6f1c... --access-token-ttl 30d",
                "  latchkey identity token-auth token create 6f1c... --name deploy > deploy.token",
                "  latchkey identity token-auth token list 6f1c...",
                "  latchkey identity token-auth revoke 6f1c... --yes"})
final class TokenAuthCommand extends GroupCommand {

    static Map<String, String> fields(TokenAuth t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Identity", t.identityId());
        f.put("Access token TTL", t.accessTokenTtl() + "s");
        f.put("Access token max TTL", t.accessTokenMaxTtl() + "s");
        f.put("Access token uses", AccessTokenOptions.uses(t.accessTokenNumUsesLimit()));
        f.put("Access token IPs", AccessTokenOptions.ips(t.accessTokenTrustedIps()));
        return f;
    }

    static TokenAuthSettings settings(AccessTokenOptions o) {
        TokenAuthSettings t = TokenAuthSettings.defaults();
        Long ttl = o.ttlSeconds();
        Long max = o.maxTtlSeconds();
        Long uses = o.numUsesLimit();
        t = ttl == null ? t : t.accessTokenTtl(ttl);
        t = max == null ? t : t.accessTokenMaxTtl(max);
        t = uses == null ? t : t.accessTokenNumUsesLimit(uses);
        return o.trustedIps == null ? t : t.accessTokenTrustedIps(o.trustedIps);
    }

    private static void print(CliSession s, TokenAuth t, String verb) {
        Output out = s.output();
        out.result(t, () -> {
            if (verb != null) {
                out.line(out.green(verb) + " token auth of identity " + t.identityId() + ".");
            }
            out.fields(fields(t));
        });
    }

    /** {@code identity token-auth attach}. */
    @Command(name = "attach", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Attach token auth to an identity.",
                    "Unset flags take the server's defaults: TTL and max TTL 30 days, no use limit, any address."},
            footer = {"", "Examples:", "  latchkey identity token-auth attach 6f1c...",
                    "  latchkey identity token-auth attach 6f1c... --access-token-ttl 7d --access-token-trusted-ip 10.0.0.0/8"})
    static final class Attach extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Mixin
        AccessTokenOptions tokens = new AccessTokenOptions();

        @Override
        ExitCode run(CliSession s) {
            print(s, s.client().tokenAuth().attach(identityId, settings(tokens)), "Attached");
            return ExitCode.OK;
        }
    }

    /** {@code identity token-auth get}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show an identity's token auth.",
            footer = {"", "Examples:", "  latchkey identity token-auth get 6f1c...",
                    "  latchkey --json identity token-auth get 6f1c..."})
    static final class Get extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Override
        ExitCode run(CliSession s) {
            print(s, s.client().tokenAuth().get(identityId), null);
            return ExitCode.OK;
        }
    }

    /** {@code identity token-auth update}. */
    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Change an identity's token-auth settings; unset flags stay as they are.",
                    "Tokens already minted keep the settings they were minted with."},
            footer = {"", "Examples:", "  latchkey identity token-auth update 6f1c... --access-token-num-uses 1000"})
    static final class Update extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Mixin
        AccessTokenOptions tokens = new AccessTokenOptions();

        @Override
        ExitCode run(CliSession s) {
            TokenAuthSettings settings = settings(tokens);
            if (settings.toBody().isEmpty()) {
                throw new CliException(ExitCode.USAGE, "nothing to change", "pass at least one --access-token-... flag");
            }
            print(s, s.client().tokenAuth().update(identityId, settings), "Updated");
            return ExitCode.OK;
        }
    }

    /** {@code identity token-auth revoke}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Detach token auth: every token it minted stops working at once.", "Asks unless --yes."},
            footer = {"", "Examples:", "  latchkey identity token-auth revoke 6f1c... --yes"})
    static final class Revoke extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            if (!IdentityCommand.confirmDetach(s, "token auth", identityId, yes)) {
                return ExitCode.GENERAL;
            }
            print(s, client.tokenAuth().revoke(identityId), "Revoked");
            return ExitCode.OK;
        }
    }

    // ---- tokens --------------------------------------------------------------------------------

    /** {@code identity token-auth token ...}. */
    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Mint, list, show, rename and revoke an identity's token-auth tokens.",
            subcommands = {TokenCreate.class, TokenList.class, TokenGet.class, TokenRename.class, TokenRevoke.class},
            footer = {"", "Examples:", "  latchkey identity token-auth token create 6f1c... --name deploy > deploy.token",
                    "  latchkey identity token-auth token list 6f1c...",
                    "  latchkey identity token-auth token rename 3e9d... --name deploy-old",
                    "  latchkey identity token-auth token revoke 3e9d..."})
    static final class TokenGroup extends GroupCommand {
    }

    static final List<String> HEADERS = List.of("ID", "NAME", "USES", "EXPIRES", "STATUS", "CREATED");

    static List<String> row(IdentityToken t) {
        return List.of(t.id(), t.name() == null || t.name().isEmpty() ? "-" : t.name(),
                t.numUses() + "/" + (t.numUsesLimit() == 0 ? "∞" : t.numUsesLimit()),
                t.expiresAt() == null ? "never" : Formats.time(t.expiresAt()), t.revoked() ? "revoked" : "active",
                Formats.time(t.createdAt()));
    }

    static Map<String, String> fields(IdentityToken t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ID", t.id());
        f.put("Name", t.name() == null || t.name().isEmpty() ? "-" : t.name());
        f.put("Identity", t.identityId());
        f.put("Uses", t.numUses() + " of " + AccessTokenOptions.uses(t.numUsesLimit()));
        f.put("Expires", t.expiresAt() == null ? "never" : Formats.time(t.expiresAt()));
        f.put("Status", t.revoked() ? "revoked" : "active");
        f.put("Created", Formats.time(t.createdAt()));
        return f;
    }

    /** {@code identity token-auth token create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Mint a token. The token is printed once, alone on stdout, and never again:",
                    "redirect it into a file or a secret manager. Details go to stderr.",
                    "With --json, stdout is {accessToken, expiresIn, tokenData} (the only JSON that holds it)."},
            footer = {"", "Examples:", "  latchkey identity token-auth token create 6f1c... --name deploy > deploy.token",
                    "  latchkey --json identity token-auth token create 6f1c... | jq -r .accessToken | vault kv put ...",
                    "  LATCHKEY_TOKEN=\"$(cat deploy.token)\" latchkey secrets list -p P... -e prod"})
    static final class TokenCreate extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Option(names = "--name", paramLabel = "<name>", description = "What the token is for.")
        String name;

        @Override
        ExitCode run(CliSession s) {
            CreatedIdentityToken t = s.client().tokenAuth().createToken(identityId, name);
            Output out = s.output();
            out.result(t, () -> {
                out.line(t.accessToken());
                out.note(out.green("Created token") + " " + t.tokenData().id() + " for identity " + identityId
                        + (t.expiresIn() > 0 ? " (expires in " + t.expiresIn() + "s)" : "")
                        + ". It is shown this once: store it in a secret manager.");
            });
            return ExitCode.OK;
        }
    }

    /** {@code identity token-auth token list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List an identity's token-auth tokens (their records, never the tokens; the first 100).",
            footer = {"", "Examples:", "  latchkey identity token-auth token list 6f1c...",
                    "  latchkey --json identity token-auth token list 6f1c..."})
    static final class TokenList extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Override
        ExitCode run(CliSession s) {
            List<IdentityToken> list = s.client().tokenAuth().listTokens(identityId);
            Output out = s.output();
            out.result(Map.of("tokens", list), () -> out.table(HEADERS, list.stream().map(TokenAuthCommand::row).toList(),
                    "No tokens."));
            return ExitCode.OK;
        }
    }

    /** {@code identity token-auth token get}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one token's record (never the token).",
            footer = {"", "Examples:", "  latchkey identity token-auth token get 3e9d..."})
    static final class TokenGet extends LeafCommand {
        @Parameters(paramLabel = "<tokenId>", description = "The token's id (see list).")
        String tokenId;

        @Override
        ExitCode run(CliSession s) {
            IdentityToken t = s.client().tokenAuth().getToken(tokenId);
            Output out = s.output();
            out.result(t, () -> out.fields(fields(t)));
            return ExitCode.OK;
        }
    }

    /** {@code identity token-auth token rename}. */
    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a token.",
            footer = {"", "Examples:", "  latchkey identity token-auth token rename 3e9d... --name deploy-old"})
    static final class TokenRename extends LeafCommand {
        @Parameters(paramLabel = "<tokenId>", description = "The token's id (see list).")
        String tokenId;

        @Option(names = "--name", paramLabel = "<name>", description = "The new name (prompted when missing).")
        String name;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            IdentityToken t = client.tokenAuth().renameToken(tokenId, s.input(name, "--name", "New name"));
            Output out = s.output();
            out.result(t, () -> out.line(out.green("Renamed token") + " " + t.id() + " to " + t.name() + "."));
            return ExitCode.OK;
        }
    }

    /** {@code identity token-auth token revoke}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token: it stops working at once, on every server node.",
            footer = {"", "Examples:", "  latchkey identity token-auth token revoke 3e9d..."})
    static final class TokenRevoke extends LeafCommand {
        @Parameters(paramLabel = "<tokenId>", description = "The token's id (see list).")
        String tokenId;

        @Override
        ExitCode run(CliSession s) {
            s.client().tokenAuth().revokeToken(tokenId);
            Output out = s.output();
            out.result(Map.of("id", tokenId, "revoked", true), () -> out.line(out.green("Revoked token") + " " + tokenId + "."));
            return ExitCode.OK;
        }
    }
}
