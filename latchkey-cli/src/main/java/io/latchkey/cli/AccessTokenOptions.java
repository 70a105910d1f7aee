package io.latchkey.cli;

import io.latchkey.sdk.TrustedIp;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The access-token flags every identity auth method shares (token auth, JWT auth, OIDC auth): lifetime,
 * maximum lifetime, use limit and trusted addresses. Unset flags are not sent, so the server keeps its
 * default (attach) or the current value (update).
 *
 * @since 0.1
 */
final class AccessTokenOptions {
    @Option(names = "--access-token-ttl", paramLabel = "<duration>", description = "Access token lifetime (3600, 1h, 30d).")
    String ttl;

    @Option(names = "--access-token-max-ttl", paramLabel = "<duration>", description = "How far renewals may extend a token.")
    String maxTtl;

    @Option(names = "--access-token-num-uses", paramLabel = "<n>", description = "Requests per access token (0: unlimited).")
    Long numUses;

    @Option(names = "--access-token-trusted-ip", paramLabel = "<cidr>",
            description = "Where access tokens may be used from (repeatable; default: anywhere).")
    List<String> trustedIps;

    Long ttlSeconds() {
        return Durations.seconds(ttl, "--access-token-ttl");
    }

    Long maxTtlSeconds() {
        return Durations.seconds(maxTtl, "--access-token-max-ttl");
    }

    Long numUsesLimit() {
        if (numUses != null && numUses < 0) {
            throw new CliException(ExitCode.USAGE, "--access-token-num-uses cannot be negative");
        }
        return numUses;
    }

    static String ips(List<TrustedIp> ips) {
        return ips.isEmpty() ? "any" : ips.stream().map(TrustedIp::cidr).collect(Collectors.joining(", "));
    }

    static String uses(long limit) {
        return limit == 0 ? "unlimited" : Long.toString(limit);
    }
}
