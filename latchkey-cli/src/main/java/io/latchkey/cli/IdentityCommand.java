package io.latchkey.cli;

import io.latchkey.sdk.Claims;
import io.latchkey.sdk.ClientSecret;
import io.latchkey.sdk.CreatedClientSecret;
import io.latchkey.sdk.Identity;
import io.latchkey.sdk.IdentityRequest;
import io.latchkey.sdk.UniversalAuth;
import io.latchkey.sdk.UniversalAuthSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code latchkey identity ...}: machine identities of an organization, their universal auth and client
 * secrets (the secrets dialect, README "Machine identities"); token auth, JWT auth and OIDC auth are the
 * subcommand groups of {@link TokenAuthCommand} and {@link ExternalJwtAuthCommand}. A client secret is printed once, to stdout
 * only; every other output shows client-secret records, never secrets.
 *
 * @since 0.1
 */
@Command(name = "identity", mixinStandardHelpOptions = true,
        description = {"Manage machine identities and their auth methods: universal auth and client secrets,",
                "token auth and its tokens, JWT auth and OIDC auth.",
                "A machine identity logs in with a client id and client secret (latchkey login --client-id), with a",
                "JWT of a trusted issuer (latchkey login --identity-id --jwt-file), or uses a token-auth token as it is."},
        subcommands = {IdentityCommand.Create.class, IdentityCommand.ListIdentities.class, IdentityCommand.Get.class,
                IdentityCommand.Update.class, IdentityCommand.Delete.class, IdentityCommand.UniversalAuthGroup.class,
                IdentityCommand.ClientSecretGroup.class, TokenAuthCommand.class, ExternalJwtAuthCommand.JwtGroup.class,
                ExternalJwtAuthCommand.OidcGroup.class},
        footer = {"", "Examples:",
                "  ID=$(latchkey --json identity create --name ci --role member | jq -r .id)",
                "  latchkey identity universal-auth attach $ID --access-token-ttl 1h",
                "  latchkey identity client-secret create $ID --description 'ci runner' > ci.secret",
                "  latchkey login --client-id <clientId> --client-secret-file ci.secret"})
final class IdentityCommand extends GroupCommand {

    static Map<String, String> fields(Identity i) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ID", i.id());
        f.put("Name", i.name());
        f.put("Organization", i.orgId());
        f.put("Role", i.role());
        f.put("Auth methods", i.authMethods().isEmpty() ? "none" : String.join(", ", i.authMethods()));
        if (!i.metadata().isEmpty()) {
            f.put("Metadata", i.metadata().stream().map(m -> m.key() + "=" + m.value()).collect(Collectors.joining(", ")));
        }
        f.put("Created", Formats.time(i.createdAt()));
        return f;
    }

    /** The organization: the option, else the org_id of the stored token. */
    static String organization(CliSession s, String option) {
        if (option != null) {
            return option;
        }
        String token = s.token();
        String org = null;
        if (token != null) {
            try {
                org = Claims.readUnverified(token).orgId();
            } catch (IllegalArgumentException notAJwt) {
                org = null;
            }
        }
        if (org == null) {
            throw new CliException(ExitCode.USAGE, "cannot tell which organization from the credentials",
                    "pass --organization <orgId>");
        }
        return org;
    }

    /** {@code identity create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create a machine identity in your organization.",
            footer = {"", "Examples:", "  latchkey identity create --name ci",
                    "  latchkey identity create --name deployer --role member",
                    "  latchkey --json identity create --name ci | jq -r .id"})
    static final class Create extends LeafCommand {
        @Option(names = "--name", paramLabel = "<name>", description = "The identity's name (prompted when missing).")
        String name;

        @Option(names = "--role", paramLabel = "<role>",
                description = "Organization role: no-access (default: only projects it joins), member (may create projects), admin.")
        String role;

        @Option(names = "--organization", paramLabel = "<orgId>", description = "The organization (default: your token's).")
        String organization;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            String n = s.input(name, "--name", "Name");
            Identity i = client.identities().create(organization(s, organization), IdentityRequest.named(n).withRole(role));
            Output out = s.output();
            out.result(i, () -> {
                out.line(out.green("Created identity") + " " + i.name() + ".");
                out.fields(fields(i));
                out.note("Next: latchkey identity universal-auth attach " + i.id());
            });
            return ExitCode.OK;
        }
    }

    /** {@code identity list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the machine identities of your organization.",
            footer = {"", "Examples:", "  latchkey identity list", "  latchkey identity list --search ci",
                    "  latchkey --json identity list | jq -r '.identities[].name'"})
    static final class ListIdentities extends LeafCommand {
        @Option(names = "--search", paramLabel = "<text>", description = "Only identities whose name contains this.")
        String search;

        @Option(names = "--organization", paramLabel = "<orgId>", description = "The organization (default: your token's).")
        String organization;

        @Option(names = "--limit", paramLabel = "<n>", description = "Show at most this many (default: all).")
        Integer limit;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            List<Identity> all = client.identities().list(organization(s, organization), search).stream()
                    .limit(limit == null ? Long.MAX_VALUE : Math.max(0, limit)).toList();
            Output out = s.output();
            out.result(Map.of("identities", all), () -> out.table(List.of("ID", "NAME", "ROLE", "AUTH METHODS", "CREATED"),
                    all.stream().map(i -> List.of(i.id(), i.name(), String.valueOf(i.role()),
                            i.authMethods().isEmpty() ? "-" : String.join(",", i.authMethods()),
                            Formats.time(i.createdAt()))).toList(), "No identities."));
            return ExitCode.OK;
        }
    }

    /** {@code identity get}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one machine identity.",
            footer = {"", "Examples:", "  latchkey identity get 6f1c...", "  latchkey --json identity get 6f1c..."})
    static final class Get extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Override
        ExitCode run(CliSession s) {
            Identity i = s.client().identities().get(identityId);
            Output out = s.output();
            out.result(i, () -> out.fields(fields(i)));
            return ExitCode.OK;
        }
    }

    /** {@code identity update}. */
    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Rename a machine identity or change its organization role.",
            footer = {"", "Examples:", "  latchkey identity update 6f1c... --name ci-prod",
                    "  latchkey identity update 6f1c... --role no-access"})
    static final class Update extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Option(names = "--name", paramLabel = "<name>", description = "A new name.")
        String name;

        @Option(names = "--role", paramLabel = "<role>", description = "A new organization role.")
        String role;

        @Override
        ExitCode run(CliSession s) {
            if (name == null && role == null) {
                throw new CliException(ExitCode.USAGE, "nothing to change", "pass --name and/or --role");
            }
            Identity i = s.client().identities().update(identityId, IdentityRequest.changes().withName(name).withRole(role));
            Output out = s.output();
            out.result(i, () -> {
                out.line(out.green("Updated identity") + " " + i.name() + ".");
                out.fields(fields(i));
            });
            return ExitCode.OK;
        }
    }

    /** {@code identity delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a machine identity.", "Every token it holds stops working at once. Asks unless --yes."},
            footer = {"", "Examples:", "  latchkey identity delete 6f1c...", "  latchkey identity delete 6f1c... --yes"})
    static final class Delete extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            if (!s.confirm("Delete identity " + identityId + " and revoke all its tokens?", yes, "--yes")) {
                s.output().note("Not deleted.");
                return ExitCode.GENERAL;
            }
            Identity i = client.identities().delete(identityId);
            Output out = s.output();
            out.result(i, () -> out.line(out.green("Deleted identity") + " " + i.name() + " (" + i.id() + ")."));
            return ExitCode.OK;
        }
    }

    // ---- universal auth ------------------------------------------------------------------------

    static Map<String, String> fields(UniversalAuth u) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Identity", u.identityId());
        f.put("Client ID", u.clientId());
        f.put("Access token TTL", u.accessTokenTtl() + "s");
        f.put("Access token max TTL", u.accessTokenMaxTtl() + "s");
        f.put("Access token uses", AccessTokenOptions.uses(u.accessTokenNumUsesLimit()));
        f.put("Periodic", u.accessTokenPeriod() == 0 ? "no" : u.accessTokenPeriod() + "s");
        f.put("Client secret IPs", AccessTokenOptions.ips(u.clientSecretTrustedIps()));
        f.put("Access token IPs", AccessTokenOptions.ips(u.accessTokenTrustedIps()));
        f.put("Lockout", u.lockoutEnabled() ? u.lockoutThreshold() + " failures in " + u.lockoutCounterResetSeconds()
                + "s lock out for " + u.lockoutDurationSeconds() + "s" : "off");
        return f;
    }

    /**
     * Asks before an auth method is detached from an identity (every method's {@code revoke}); says so and
     * answers false when the user declines.
     */
    static boolean confirmDetach(CliSession s, String method, String identityId, boolean yes) {
        if (s.confirm("Detach " + method + " from " + identityId + " and revoke the tokens it issued?", yes, "--yes")) {
            return true;
        }
        s.output().note("Not revoked.");
        return false;
    }

    /** The settings flags of attach and update: the shared access-token flags and universal auth's own. */
    static final class SettingsOptions {
        @picocli.CommandLine.Mixin
        AccessTokenOptions tokens = new AccessTokenOptions();

        @Option(names = "--access-token-period", paramLabel = "<duration>", description = "Periodic tokens: renew by this, no max (0: off).")
        String period;

        @Option(names = "--client-secret-trusted-ip", paramLabel = "<cidr>",
                description = "Where client secrets may log in from (repeatable; default: anywhere).")
        List<String> clientSecretIps;

        @Option(names = "--lockout", negatable = true, description = "Lock the client id out after repeated failures (default: on).")
        Boolean lockout;

        UniversalAuthSettings settings() {
            UniversalAuthSettings u = UniversalAuthSettings.defaults();
            Long t = tokens.ttlSeconds();
            Long m = tokens.maxTtlSeconds();
            Long n = tokens.numUsesLimit();
            Long p = Durations.seconds(period, "--access-token-period");
            u = t == null ? u : u.accessTokenTtl(t);
            u = m == null ? u : u.accessTokenMaxTtl(m);
            u = p == null ? u : u.accessTokenPeriod(p);
            u = n == null ? u : u.accessTokenNumUsesLimit(n);
            u = clientSecretIps == null ? u : u.clientSecretTrustedIps(clientSecretIps);
            u = tokens.trustedIps == null ? u : u.accessTokenTrustedIps(tokens.trustedIps);
            return lockout == null ? u : u.lockout(lockout);
        }
    }

    /** {@code identity universal-auth ...}. */
    @Command(name = "universal-auth", mixinStandardHelpOptions = true,
            description = "Attach, show, change or detach universal auth (client id + client secrets).",
            subcommands = {UaAttach.class, UaGet.class, UaUpdate.class, UaRevoke.class},
            footer = {"", "Examples:", "  latchkey identity universal-auth attach 6f1c... --access-token-ttl 1h",
                    "  latchkey identity universal-auth get 6f1c...",
                    "  latchkey identity universal-auth update 6f1c... --client-secret-trusted-ip 10.0.0.0/8",
                    "  latchkey identity universal-auth revoke 6f1c... --yes"})
    static final class UniversalAuthGroup extends GroupCommand {
    }

    private static void printUa(CliSession s, UniversalAuth u, String verb) {
        Output out = s.output();
        out.result(u, () -> {
            if (verb != null) {
                out.line(out.green(verb) + " universal auth of identity " + u.identityId() + ".");
            }
            out.fields(fields(u));
        });
    }

    /** {@code identity universal-auth attach}. */
    @Command(name = "attach", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Attach universal auth to an identity; prints its client id.",
                    "Unset flags take the server's defaults: TTL and max TTL 30 days, no use limit, any address,",
                    "lockout after 3 failures within 30 s for 300 s."},
            footer = {"", "Examples:", "  latchkey identity universal-auth attach 6f1c...",
                    "  latchkey identity universal-auth attach 6f1c... --access-token-ttl 1h --access-token-max-ttl 1d \\",
                    "      --client-secret-trusted-ip 10.0.0.0/8"})
    static final class UaAttach extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @picocli.CommandLine.Mixin
        SettingsOptions settings = new SettingsOptions();

        @Override
        ExitCode run(CliSession s) {
            printUa(s, s.client().universalAuth().attach(identityId, settings.settings()), "Attached");
            return ExitCode.OK;
        }
    }

    /** {@code identity universal-auth get}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show an identity's universal auth and client id.",
            footer = {"", "Examples:", "  latchkey identity universal-auth get 6f1c...",
                    "  latchkey --json identity universal-auth get 6f1c... | jq -r .clientId"})
    static final class UaGet extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Override
        ExitCode run(CliSession s) {
            printUa(s, s.client().universalAuth().get(identityId), null);
            return ExitCode.OK;
        }
    }

    /** {@code identity universal-auth update}. */
    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Change an identity's universal-auth settings; unset flags stay as they are.",
            footer = {"", "Examples:", "  latchkey identity universal-auth update 6f1c... --access-token-ttl 15m",
                    "  latchkey identity universal-auth update 6f1c... --no-lockout"})
    static final class UaUpdate extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @picocli.CommandLine.Mixin
        SettingsOptions settings = new SettingsOptions();

        @Override
        ExitCode run(CliSession s) {
            printUa(s, s.client().universalAuth().update(identityId, settings.settings()), "Updated");
            return ExitCode.OK;
        }
    }

    /** {@code identity universal-auth revoke}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Detach universal auth: its client secrets stop working and its tokens are revoked.",
                    "Asks unless --yes."},
            footer = {"", "Examples:", "  latchkey identity universal-auth revoke 6f1c... --yes"})
    static final class UaRevoke extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            if (!confirmDetach(s, "universal auth", identityId, yes)) {
                return ExitCode.GENERAL;
            }
            printUa(s, client.universalAuth().revoke(identityId), "Revoked");
            return ExitCode.OK;
        }
    }

    // ---- client secrets ------------------------------------------------------------------------

    /** {@code identity client-secret ...}. */
    @Command(name = "client-secret", mixinStandardHelpOptions = true,
            description = "Mint, list and revoke an identity's universal-auth client secrets.",
            subcommands = {CsCreate.class, CsList.class, CsRevoke.class},
            footer = {"", "Examples:", "  latchkey identity client-secret create 6f1c... --description ci > ci.secret",
                    "  latchkey identity client-secret list 6f1c...",
                    "  latchkey identity client-secret revoke 6f1c... 9a2b..."})
    static final class ClientSecretGroup extends GroupCommand {
    }

    static List<String> row(ClientSecret c) {
        return List.of(c.id(), c.prefix() == null ? "-" : c.prefix() + "…", c.description() == null || c.description().isEmpty()
                ? "-" : c.description(), c.numUses() + "/" + (c.numUsesLimit() == 0 ? "∞" : c.numUsesLimit()),
                c.expiresAt() == null ? "never" : Formats.time(c.expiresAt()), c.revoked() ? "revoked" : "active");
    }

    static final List<String> HEADERS = List.of("ID", "PREFIX", "DESCRIPTION", "USES", "EXPIRES", "STATUS");

    /** {@code identity client-secret create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Mint a client secret. The secret is printed once, alone on stdout, and never again:",
                    "redirect it into a file or a secret manager. Details go to stderr.",
                    "With --json, stdout is {clientSecret, clientSecretData} (the only JSON that holds it)."},
            footer = {"", "Examples:", "  latchkey identity client-secret create 6f1c... > ci.secret && chmod 600 ci.secret",
                    "  latchkey identity client-secret create 6f1c... --description runner --ttl 30d --num-uses 100",
                    "  latchkey --json identity client-secret create 6f1c... | jq -r .clientSecret | vault kv put ..."})
    static final class CsCreate extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Option(names = "--description", paramLabel = "<text>", description = "What the secret is for.")
        String description;

        @Option(names = "--ttl", paramLabel = "<duration>", description = "Lifetime (3600, 30d; default: no expiry).")
        String ttl;

        @Option(names = "--num-uses", paramLabel = "<n>", defaultValue = "0", description = "Logins it may make (default 0: unlimited).")
        long numUses;

        @Override
        ExitCode run(CliSession s) {
            if (numUses < 0) {
                throw new CliException(ExitCode.USAGE, "--num-uses cannot be negative");
            }
            Long t = Durations.seconds(ttl, "--ttl");
            CreatedClientSecret c = s.client().universalAuth().createClientSecret(identityId, description, numUses,
                    t == null ? 0 : t);
            Output out = s.output();
            out.result(c, () -> {
                out.line(c.clientSecret());
                out.note(out.green("Created client secret") + " " + c.clientSecretData().id() + " for identity " + identityId
                        + ". It is shown this once: store it in a secret manager.");
            });
            return ExitCode.OK;
        }
    }

    /** {@code identity client-secret list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List an identity's client secrets (their records, never the secrets).",
            footer = {"", "Examples:", "  latchkey identity client-secret list 6f1c...",
                    "  latchkey --json identity client-secret list 6f1c..."})
    static final class CsList extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Override
        ExitCode run(CliSession s) {
            List<ClientSecret> list = s.client().universalAuth().listClientSecrets(identityId);
            Output out = s.output();
            out.result(Map.of("clientSecrets", list), () -> out.table(HEADERS, list.stream().map(IdentityCommand::row).toList(),
                    "No client secrets."));
            return ExitCode.OK;
        }
    }

    /** {@code identity client-secret revoke}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a client secret: it can no longer log in.",
            footer = {"", "Examples:", "  latchkey identity client-secret revoke 6f1c... 9a2b..."})
    static final class CsRevoke extends LeafCommand {
        @Parameters(index = "0", paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Parameters(index = "1", paramLabel = "<clientSecretId>", description = "The client secret's id (see list).")
        String clientSecretId;

        @Override
        ExitCode run(CliSession s) {
            ClientSecret c = s.client().universalAuth().revokeClientSecret(identityId, clientSecretId);
            Output out = s.output();
            out.result(c, () -> out.line(out.green("Revoked client secret") + " " + c.id() + "."));
            return ExitCode.OK;
        }
    }
}
