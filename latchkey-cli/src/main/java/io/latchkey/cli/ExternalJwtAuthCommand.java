package io.latchkey.cli;

import io.latchkey.sdk.ExternalJwtSettings;
import io.latchkey.sdk.JwtAuth;
import io.latchkey.sdk.JwtAuthSettings;
import io.latchkey.sdk.OidcAuth;
import io.latchkey.sdk.OidcAuthSettings;
import io.latchkey.sdk.TrustedIp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code latchkey identity jwt-auth ...} and {@code latchkey identity oidc-auth ...}: the configuration of
 * an identity's JWT auth (keys from PEM files or a JWK set URL) and OIDC auth (keys through the issuer's
 * discovery document), with the bindings a presented JWT must meet. A machine then logs in with
 * {@code latchkey login --identity-id <id> --jwt-file <file> [--method jwt-auth]}.
 *
 * @since 0.1
 */
final class ExternalJwtAuthCommand {
    private ExternalJwtAuthCommand() {
    }

    /** The bindings, claim mapping and access-token flags JWT auth and OIDC auth share. */
    static final class BindingOptions {
        @Option(names = "--bound-issuer", paramLabel = "<iss>", description = "The iss the JWT must carry ('' for any).")
        String issuer;

        @Option(names = "--bound-audience", paramLabel = "<aud>",
                description = "An audience the JWT may carry (repeatable; the JWT must have one of them).")
        List<String> audiences;

        @Option(names = "--bound-subject", paramLabel = "<sub>",
                description = "The sub the JWT must carry; a trailing * matches a prefix ('' for any).")
        String subject;

        @Option(names = "--bound-claim", paramLabel = "<name=v1,v2>",
                description = "A claim the JWT must carry with one of the values (repeatable; replaces all bound claims).")
        List<String> claims;

        @Option(names = "--claim-metadata", paramLabel = "<key=claim>",
                description = "Copy a JWT claim into the access token's metadata under key (repeatable; replaces the mapping).")
        List<String> metadata;

        @Mixin
        AccessTokenOptions tokens = new AccessTokenOptions();

        @Option(names = "--access-token-period", paramLabel = "<duration>", description = "Periodic tokens: renew by this, no max (0: off).")
        String period;

        <S extends ExternalJwtSettings<S>> S apply(S settings) {
            S s = settings;
            s = issuer == null ? s : s.boundIssuer(issuer);
            s = audiences == null ? s : s.boundAudiences(audiences);
            s = subject == null ? s : s.boundSubject(subject);
            s = claims == null ? s : s.boundClaims(claims(claims));
            s = metadata == null ? s : s.claimMetadataMapping(pairs(metadata, "--claim-metadata"));
            Long ttl = tokens.ttlSeconds();
            Long max = tokens.maxTtlSeconds();
            Long uses = tokens.numUsesLimit();
            Long p = Durations.seconds(period, "--access-token-period");
            s = ttl == null ? s : s.accessTokenTtl(ttl);
            s = max == null ? s : s.accessTokenMaxTtl(max);
            s = uses == null ? s : s.accessTokenNumUsesLimit(uses);
            s = p == null ? s : s.accessTokenPeriod(p);
            return tokens.trustedIps == null ? s : s.accessTokenTrustedIps(tokens.trustedIps);
        }

        private static Map<String, List<String>> claims(List<String> in) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            pairs(in, "--bound-claim").forEach((name, values) -> {
                List<String> v = java.util.Arrays.stream(values.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
                if (v.isEmpty()) {
                    throw new CliException(ExitCode.USAGE, "--bound-claim " + name + " needs at least one value (name=v1,v2)");
                }
                out.computeIfAbsent(name, k -> new ArrayList<>()).addAll(v);
            });
            return out;
        }

        private static Map<String, String> pairs(List<String> in, String option) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String pair : in) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new CliException(ExitCode.USAGE, option + " must be name=value, got " + pair);
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                out.merge(name, value, (a, b) -> a + "," + b);
            }
            return out;
        }
    }

    static void common(Map<String, String> f, String issuer, String audiences, String subject, Map<String, String> claims,
                       Map<String, String> metadata, long ttl, long maxTtl, long uses, long period, List<TrustedIp> ips) {
        f.put("Bound issuer", issuer == null || issuer.isEmpty() ? "any" : issuer);
        f.put("Bound audiences", audiences == null || audiences.isEmpty() ? "any" : audiences);
        f.put("Bound subject", subject == null || subject.isEmpty() ? "any" : subject);
        f.put("Bound claims", claims.isEmpty() ? "none" : claims.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
        f.put("Claim metadata", metadata.isEmpty() ? "none" : metadata.entrySet().stream()
                .map(e -> e.getKey() + "<-" + e.getValue()).collect(Collectors.joining(", ")));
        f.put("Access token TTL", ttl + "s");
        f.put("Access token max TTL", maxTtl + "s");
        f.put("Access token uses", AccessTokenOptions.uses(uses));
        f.put("Periodic", period == 0 ? "no" : period + "s");
        f.put("Access token IPs", AccessTokenOptions.ips(ips));
    }

    static Map<String, String> fields(JwtAuth c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Identity", c.identityId());
        f.put("Keys", "static".equals(c.configurationType()) ? c.publicKeys().size() + " static PEM key(s)" : "JWKS " + c.jwksUrl());
        common(f, c.boundIssuer(), c.boundAudiences(), c.boundSubject(), c.boundClaims(), c.claimMetadataMapping(),
                c.accessTokenTtl(), c.accessTokenMaxTtl(), c.accessTokenNumUsesLimit(), c.accessTokenPeriod(),
                c.accessTokenTrustedIps());
        return f;
    }

    static Map<String, String> fields(OidcAuth c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Identity", c.identityId());
        f.put("Discovery URL", c.oidcDiscoveryUrl());
        common(f, c.boundIssuer(), c.boundAudiences(), c.boundSubject(), c.boundClaims(), c.claimMetadataMapping(),
                c.accessTokenTtl(), c.accessTokenMaxTtl(), c.accessTokenNumUsesLimit(), c.accessTokenPeriod(),
                c.accessTokenTrustedIps());
        return f;
    }

    private static void print(CliSession s, Object doc, Map<String, String> fields, String verb, String method, String identityId) {
        Output out = s.output();
        out.result(doc, () -> {
            if (verb != null) {
                out.line(out.green(verb) + " " + method + " of identity " + identityId + ".");
            }
            out.fields(fields);
        });
    }

    // ---- JWT auth ------------------------------------------------------------------------------

    /** The key source of JWT auth: PEM files or a JWK set URL. */
    static final class JwtKeyOptions {
        @Option(names = "--public-key-file", paramLabel = "<file>",
                description = "A PEM public key of the issuer (repeatable; '-': standard input). Replaces a JWKS URL.")
        List<String> publicKeyFiles;

        @Option(names = "--jwks-url", paramLabel = "<url>",
                description = "The issuer's JWK set URL (https; plain http on loopback only). Replaces static keys.")
        String jwksUrl;

        JwtAuthSettings apply(CliSession s, JwtAuthSettings settings) {
            if (publicKeyFiles != null && jwksUrl != null) {
                throw new CliException(ExitCode.USAGE, "--public-key-file and --jwks-url exclude each other");
            }
            if (jwksUrl != null) {
                return settings.jwksUrl(jwksUrl);
            }
            if (publicKeyFiles == null) {
                return settings;
            }
            List<String> pems = new ArrayList<>();
            for (String file : publicKeyFiles) {
                String pem = ValueInput.publicFileText(s, file, "a public key").strip();
                if (!pem.startsWith("-----BEGIN")) {
                    throw new CliException(ExitCode.USAGE, file + " is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
                }
                pems.add(pem + "\n");
            }
            return settings.staticKeys(pems);
        }

        boolean given() {
            return publicKeyFiles != null || jwksUrl != null;
        }
    }

    @Command(name = "jwt-auth", mixinStandardHelpOptions = true,
            description = {"Attach, show, change or detach JWT auth: machines log in with a JWT of an issuer you run,",
                    "checked against PEM public keys or a JWK set URL and the bindings.",
                    "For an issuer with an OIDC discovery document (a CI provider) prefer oidc-auth."},
            subcommands = {JwtAttach.class, JwtGet.class, JwtUpdate.class, JwtRevoke.class},
            footer = {"", "Examples:",
                    "  latchkey identity jwt-auth attach 6f1c... --public-key-file issuer.pub.pem \\",
                    "      --bound-issuer https://tokens.example.com --bound-audience latchkey --bound-subject 'deploy-*'",
                    "  latchkey identity jwt-auth attach 6f1c... --jwks-url https://tokens.example.com/jwks.json",
                    "  latchkey login --identity-id 6f1c... --method jwt-auth --jwt-file job.jwt"})
    static final class JwtGroup extends GroupCommand {
    }

    @Command(name = "attach", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Attach JWT auth to an identity: --public-key-file or --jwks-url is required.",
                    "Unset token flags take the server's defaults: TTL and max TTL 30 days, no use limit, any address.",
                    "Warning: without --bound-subject, --bound-audience or --bound-claim, every JWT the issuer signs logs in."},
            footer = {"", "Examples:",
                    "  latchkey identity jwt-auth attach 6f1c... --public-key-file issuer.pub.pem --bound-subject 'deploy-*'",
                    "  latchkey identity jwt-auth attach 6f1c... --jwks-url https://tokens.example.com/jwks.json \\",
                    "      --bound-claim env=prod,staging --claim-metadata team=team --access-token-ttl 15m"})
    static final class JwtAttach extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Mixin
        JwtKeyOptions keys = new JwtKeyOptions();

        @Mixin
        BindingOptions bindings = new BindingOptions();

        @Override
        ExitCode run(CliSession s) {
            if (!keys.given()) {
                throw new CliException(ExitCode.USAGE, "missing --public-key-file or --jwks-url: where the issuer's keys come from");
            }
            JwtAuth c = s.client().jwtAuth().attach(identityId, bindings.apply(keys.apply(s, JwtAuthSettings.defaults())));
            print(s, c, fields(c), "Attached", "JWT auth", identityId);
            return ExitCode.OK;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show an identity's JWT auth.",
            footer = {"", "Examples:", "  latchkey identity jwt-auth get 6f1c...", "  latchkey --json identity jwt-auth get 6f1c..."})
    static final class JwtGet extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Override
        ExitCode run(CliSession s) {
            JwtAuth c = s.client().jwtAuth().get(identityId);
            print(s, c, fields(c), null, "JWT auth", identityId);
            return ExitCode.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Change an identity's JWT auth; unset flags stay as they are.",
            footer = {"", "Examples:", "  latchkey identity jwt-auth update 6f1c... --bound-subject 'deploy-prod-*'",
                    "  latchkey identity jwt-auth update 6f1c... --public-key-file new-issuer.pub.pem"})
    static final class JwtUpdate extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Mixin
        JwtKeyOptions keys = new JwtKeyOptions();

        @Mixin
        BindingOptions bindings = new BindingOptions();

        @Override
        ExitCode run(CliSession s) {
            JwtAuthSettings settings = bindings.apply(keys.apply(s, JwtAuthSettings.defaults()));
            if (settings.toBody().isEmpty()) {
                throw new CliException(ExitCode.USAGE, "nothing to change", "pass a key source, a binding or a token flag");
            }
            JwtAuth c = s.client().jwtAuth().update(identityId, settings);
            print(s, c, fields(c), "Updated", "JWT auth", identityId);
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Detach JWT auth: the tokens it issued stop working at once.", "Asks unless --yes."},
            footer = {"", "Examples:", "  latchkey identity jwt-auth revoke 6f1c... --yes"})
    static final class JwtRevoke extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            if (!IdentityCommand.confirmDetach(s, "JWT auth", identityId, yes)) {
                return ExitCode.GENERAL;
            }
            JwtAuth c = client.jwtAuth().revoke(identityId);
            print(s, c, fields(c), "Revoked", "JWT auth", identityId);
            return ExitCode.OK;
        }
    }

    // ---- OIDC auth -----------------------------------------------------------------------------

    @Command(name = "oidc-auth", mixinStandardHelpOptions = true,
            description = {"Attach, show, change or detach OIDC auth: machines log in with an ID token of an OIDC issuer",
                    "(a CI provider's job token), whose keys come from the issuer's discovery document."},
            subcommands = {OidcAttach.class, OidcGet.class, OidcUpdate.class, OidcRevoke.class},
            footer = {"", "Examples:",
                    "  latchkey identity oidc-auth attach 6f1c... --discovery-url https://token.actions.githubusercontent.com \\",
                    "      --bound-audience latchkey --bound-subject 'repo:acme/api:ref:refs/heads/main'",
                    "  latchkey login --identity-id 6f1c... --jwt-file \"$ID_TOKEN_FILE\""})
    static final class OidcGroup extends GroupCommand {
    }

    @Command(name = "attach", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Attach OIDC auth to an identity: --discovery-url is required.",
                    "Unset token flags take the server's defaults: TTL and max TTL 30 days, no use limit, any address.",
                    "Warning: a CI provider signs tokens for every repository it hosts; bind the subject or a claim",
                    "that names yours (--bound-subject, --bound-claim)."},
            footer = {"", "Examples:",
                    "  latchkey identity oidc-auth attach 6f1c... --discovery-url https://token.actions.githubusercontent.com \\",
                    "      --bound-audience latchkey --bound-subject 'repo:acme/api:*' --claim-metadata repo=repository"})
    static final class OidcAttach extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Option(names = "--discovery-url", paramLabel = "<url>",
                description = "The issuer URL; <url>/.well-known/openid-configuration names its keys (https).")
        String discoveryUrl;

        @Mixin
        BindingOptions bindings = new BindingOptions();

        @Override
        ExitCode run(CliSession s) {
            if (discoveryUrl == null) {
                throw new CliException(ExitCode.USAGE, "missing --discovery-url: the issuer whose ID tokens log in");
            }
            OidcAuth c = s.client().oidcAuth().attach(identityId, bindings.apply(OidcAuthSettings.defaults()
                    .oidcDiscoveryUrl(discoveryUrl)));
            print(s, c, fields(c), "Attached", "OIDC auth", identityId);
            return ExitCode.OK;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show an identity's OIDC auth.",
            footer = {"", "Examples:", "  latchkey identity oidc-auth get 6f1c...", "  latchkey --json identity oidc-auth get 6f1c..."})
    static final class OidcGet extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Override
        ExitCode run(CliSession s) {
            OidcAuth c = s.client().oidcAuth().get(identityId);
            print(s, c, fields(c), null, "OIDC auth", identityId);
            return ExitCode.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Change an identity's OIDC auth; unset flags stay as they are.",
            footer = {"", "Examples:", "  latchkey identity oidc-auth update 6f1c... --bound-claim ref=refs/heads/main"})
    static final class OidcUpdate extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Option(names = "--discovery-url", paramLabel = "<url>", description = "A new issuer URL (https).")
        String discoveryUrl;

        @Mixin
        BindingOptions bindings = new BindingOptions();

        @Override
        ExitCode run(CliSession s) {
            OidcAuthSettings settings = OidcAuthSettings.defaults();
            settings = bindings.apply(discoveryUrl == null ? settings : settings.oidcDiscoveryUrl(discoveryUrl));
            if (settings.toBody().isEmpty()) {
                throw new CliException(ExitCode.USAGE, "nothing to change", "pass --discovery-url, a binding or a token flag");
            }
            OidcAuth c = s.client().oidcAuth().update(identityId, settings);
            print(s, c, fields(c), "Updated", "OIDC auth", identityId);
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Detach OIDC auth: the tokens it issued stop working at once.", "Asks unless --yes."},
            footer = {"", "Examples:", "  latchkey identity oidc-auth revoke 6f1c... --yes"})
    static final class OidcRevoke extends LeafCommand {
        @Parameters(paramLabel = "<identityId>", description = "The identity's id.")
        String identityId;

        @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        ExitCode run(CliSession s) {
            var client = s.client();
            if (!IdentityCommand.confirmDetach(s, "OIDC auth", identityId, yes)) {
                return ExitCode.GENERAL;
            }
            OidcAuth c = client.oidcAuth().revoke(identityId);
            print(s, c, fields(c), "Revoked", "OIDC auth", identityId);
            return ExitCode.OK;
        }
    }
}
