package io.latchkey.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What JWT auth and OIDC auth share when they are attached or changed ({@link JwtAuthSettings},
 * {@link OidcAuthSettings}): the bindings a presented JWT must satisfy, the claims copied into the access
 * token, and how the access tokens behave. Every member left unset keeps the server's default (on attach:
 * no bindings, TTL and max TTL 30 days, no use limit, any address) or the current value (on update).
 * Durations are seconds. Instances are immutable; each method returns a copy.
 *
 * <p>Warning: without {@link #boundAudiences}, {@link #boundSubject} or {@link #boundClaims}, any JWT the
 * configured issuer signs logs in as the identity, including JWTs it issues to other tenants (a CI
 * provider signs tokens for every repository it hosts). Bind at least the subject or a claim that names
 * your repository or workload.
 *
 * @param <S> the concrete settings type
 * @since 0.1
 */
public abstract sealed class ExternalJwtSettings<S extends ExternalJwtSettings<S>> permits JwtAuthSettings, OidcAuthSettings {
    private final Map<String, Object> members;

    ExternalJwtSettings(Map<String, Object> members) {
        this.members = Collections.unmodifiableMap(members);
    }

    abstract S copy(Map<String, Object> members);

    /** The {@code iss} the JWT must carry; empty to accept any (OIDC auth always checks the discovery document's). */
    public S boundIssuer(String issuer) {
        return with("boundIssuer", Objects.requireNonNull(issuer, "issuer cannot be null").trim());
    }

    /** The JWT's {@code aud} must contain one of these; empty to accept any audience. */
    public S boundAudiences(List<String> audiences) {
        return with("boundAudiences", String.join(", ", values(audiences, "audiences")));
    }

    /** The {@code sub} the JWT must carry; a trailing {@code *} matches a prefix; empty to accept any. */
    public S boundSubject(String subject) {
        return with("boundSubject", Objects.requireNonNull(subject, "subject cannot be null").trim());
    }

    /**
     * Claims the JWT must carry, each with one of the allowed values (replaces the whole set on update).
     * The wire joins each claim's values with commas, so a value cannot contain one.
     */
    public S boundClaims(Map<String, List<String>> claims) {
        Objects.requireNonNull(claims, "claims cannot be null");
        Map<String, String> wire = new LinkedHashMap<>();
        claims.forEach((name, allowed) -> {
            Objects.requireNonNull(name, "claims cannot contain a null name");
            List<String> v = values(allowed, "claims[" + name + "]");
            if (v.stream().anyMatch(x -> x.contains(","))) {
                throw new IllegalArgumentException("claims[" + name + "] values cannot contain a comma");
            }
            wire.put(name, String.join(", ", v));
        });
        return with("boundClaims", Collections.unmodifiableMap(wire));
    }

    /** Copies JWT claims into the access token's {@code metadata} claim: metadata key to JWT claim name. */
    public S claimMetadataMapping(Map<String, String> keyToClaim) {
        Objects.requireNonNull(keyToClaim, "keyToClaim cannot be null");
        keyToClaim.forEach((k, v) -> {
            Objects.requireNonNull(k, "keyToClaim cannot contain a null key");
            Objects.requireNonNull(v, "keyToClaim cannot contain a null claim");
        });
        return with("claimMetadataMapping", Map.copyOf(keyToClaim));
    }

    /** Lifetime of an access token, in seconds. */
    public S accessTokenTtl(long seconds) {
        return with("accessTokenTTL", nonNegative(seconds, "accessTokenTtl"));
    }

    /** How far renewals may extend one login's tokens, in seconds. */
    public S accessTokenMaxTtl(long seconds) {
        return with("accessTokenMaxTTL", nonNegative(seconds, "accessTokenMaxTtl"));
    }

    /** Requests one access token may make; 0 for unlimited. */
    public S accessTokenNumUsesLimit(long uses) {
        return with("accessTokenNumUsesLimit", nonNegative(uses, "accessTokenNumUsesLimit"));
    }

    /** Periodic tokens: each renewal extends by this many seconds, with no maximum; 0 turns it off. */
    public S accessTokenPeriod(long seconds) {
        return with("accessTokenPeriod", nonNegative(seconds, "accessTokenPeriod"));
    }

    /** Address ranges (CIDR or single addresses) access tokens may be used from. */
    public S accessTokenTrustedIps(List<String> ranges) {
        Objects.requireNonNull(ranges, "accessTokenTrustedIps cannot be null");
        return with("accessTokenTrustedIps", ranges.stream()
                .map(r -> Map.of("ipAddress", Objects.requireNonNull(r, "accessTokenTrustedIps cannot contain null").trim()))
                .toList());
    }

    /** The request body, with the wire's member names. */
    public Map<String, Object> toBody() {
        return members;
    }

    final S with(String member, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(members);
        m.put(member, value);
        return copy(m);
    }

    final S without(String member) {
        Map<String, Object> m = new LinkedHashMap<>(members);
        m.remove(member);
        return copy(m);
    }

    private static List<String> values(List<String> in, String name) {
        Objects.requireNonNull(in, name + " cannot be null");
        return in.stream().map(v -> Objects.requireNonNull(v, name + " cannot contain null").trim())
                .filter(v -> !v.isEmpty()).toList();
    }

    private static long nonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " cannot be negative");
        }
        return v;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + members;
    }
}
