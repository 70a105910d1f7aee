package io.latchkey.sdk;

import io.latchkey.sdk.InvalidTokenException.Reason;
import io.latchkey.sdk.internal.JwksCache;
import io.latchkey.sdk.internal.JwsChecks;
import io.latchkey.sdk.internal.JwtParts;
import io.latchkey.sdk.internal.VerificationKey;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies Latchkey access tokens offline, for the team's own services: the signature against the
 * server's published keys (ES256 or RS256, with the JDK's crypto), the issuer, the expiry and not-before
 * times with a clock skew, optionally the audience, and that the token is an access token of an accepted
 * kind. Returns the claims.
 *
 * <pre>{@code
 * TokenVerifier verifier = TokenVerifier.builder()
 *         .client(client)                       // fetches /iam/.well-known/jwks.json
 *         .issuer("https://latchkey.example.com")
 *         .build();
 * Claims claims = verifier.verifyAccessToken(bearerToken);   // InvalidTokenException -> answer 401
 * }</pre>
 *
 * <p>Keys: fetched on first use and cached ({@link Builder#cacheTtl}); a token signed by a key the cache
 * does not know (a rotation) triggers one refetch, at most once per {@link Builder#minRefetchInterval}.
 * When the keys cannot be fetched at all the call throws the SDK's {@link NetworkException} (answer 503,
 * not 401).
 *
 * <p>Security: only ES256 and RS256 are accepted, whatever the token's header says; {@code none} and every
 * HMAC algorithm are refused (RFC 8725 section 3.1), and a key verifies only the algorithm it was
 * published for. Tokens without an expiry are refused unless you opt in with
 * {@link Builder#allowNonExpiringIdentityTokens()}. Offline verification cannot see revocations: a
 * revoked token stays valid here until it expires, so keep token lifetimes short. Thread-safe; share
 * one verifier.
 *
 * @since 0.1
 */
public final class TokenVerifier {
    /** Message when no issuer was configured; outsiders match on it. */
    public static final String ISSUER_REQUIRED = "issuer cannot be null: set the iss of the server's tokens"
            + " (its public URL; client.wellKnown().openIdConfiguration().issuer() tells it)";
    private static final Duration MAX_SKEW = Duration.ofMinutes(10);
    private static final Set<String> ALGORITHMS = Set.of(VerificationKey.ES256, VerificationKey.RS256);

    private final JwksCache keys;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;
    private final Set<AuthMode> acceptedModes;
    private final boolean allowNonExpiring;

    private TokenVerifier(Builder b) {
        this.keys = new JwksCache(b.jwks, b.clock, b.cacheTtl, b.minRefetchInterval);
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.clockSkew = b.clockSkew;
        this.clock = b.clock;
        this.acceptedModes = Set.copyOf(b.acceptedModes);
        this.allowNonExpiring = b.allowNonExpiring;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a compact JWS access token and returns its claims.
     *
     * @throws InvalidTokenException when the token is not a valid, current access token of this issuer
     * @throws LatchkeyApiException  when the server's keys cannot be fetched
     */
    public Claims verifyAccessToken(String token) {
        JwtParts jwt = parse(token);
        String alg = checkAlgorithm(jwt);
        VerificationKey key = findKey(jwt, alg);
        checkSignature(jwt, key);
        Claims claims = new Claims(jwt.payload());
        checkIssuer(claims);
        checkTimes(claims);
        checkAudience(claims);
        checkTokenUse(claims);
        return claims;
    }

    private static JwtParts parse(String token) {
        return JwsChecks.parse(token);
    }

    private static String checkAlgorithm(JwtParts jwt) {
        return JwsChecks.algorithm(jwt, ALGORITHMS);
    }

    private VerificationKey findKey(JwtParts jwt, String alg) {
        return JwsChecks.key(jwt, alg, keys);
    }

    private static void checkSignature(JwtParts jwt, VerificationKey key) {
        JwsChecks.signature(jwt, key);
    }

    private void checkIssuer(Claims claims) {
        if (!issuer.equals(claims.issuer())) {
            throw new InvalidTokenException(Reason.WRONG_ISSUER,
                    "the token was issued by " + claims.issuer() + ", not " + issuer);
        }
    }

    private void checkTimes(Claims claims) {
        if (claims.expiresAt() == null && (!allowNonExpiring || claims.authMode() != AuthMode.IDENTITY)) {
            throw new InvalidTokenException(Reason.NO_EXPIRY, "the token has no expiry (exp)");
        }
        JwsChecks.times(claims.expiresAt(), claims.notBefore(), clock.instant(), clockSkew);
    }

    private void checkAudience(Claims claims) {
        if (audience != null && !claims.audience().contains(audience)) {
            throw new InvalidTokenException(Reason.WRONG_AUDIENCE, "the token is not meant for audience " + audience);
        }
    }

    private void checkTokenUse(Claims claims) {
        AuthMode mode = claims.authMode();
        if (mode == null || !acceptedModes.contains(mode)) {
            throw new InvalidTokenException(Reason.WRONG_TOKEN_USE, "this service does not accept "
                    + (mode == null ? "tokens without a Latchkey token_use" : mode.description() + "s"));
        }
    }

    /**
     * Builds a {@link TokenVerifier}. Required: where the keys come from ({@link #client} or {@link #jwks})
     * and the {@link #issuer}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Supplier<JsonWebKeySet> jwks;
        private String issuer;
        private String audience;
        private Duration clockSkew = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Duration cacheTtl = Duration.ofMinutes(10);
        private Duration minRefetchInterval = Duration.ofSeconds(30);
        private Set<AuthMode> acceptedModes = EnumSet.complementOf(EnumSet.of(AuthMode.NONE));
        private boolean allowNonExpiring;

        private Builder() {
        }

        /** Fetch keys from this client's server ({@code /iam/.well-known/jwks.json}); also takes its clock. */
        public Builder client(LatchkeyClient client) {
            Objects.requireNonNull(client, "client cannot be null");
            this.jwks = () -> client.wellKnown().jwks();
            this.clock = client.clock();
            return this;
        }

        /** Fetch keys from a custom source (tests, a pinned set). */
        public Builder jwks(Supplier<JsonWebKeySet> jwks) {
            this.jwks = Objects.requireNonNull(jwks, "jwks cannot be null");
            return this;
        }

        /** The exact {@code iss} the tokens must carry: the server's public URL. */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer cannot be null");
            return this;
        }

        /** When set, tokens must list this audience in {@code aud}. */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience cannot be null");
            return this;
        }

        /** Tolerated clock difference for {@code exp} and {@code nbf}; 30 s by default, at most 10 minutes. */
        public Builder clockSkew(Duration clockSkew) {
            Objects.requireNonNull(clockSkew, "clockSkew cannot be null");
            if (clockSkew.isNegative() || clockSkew.compareTo(MAX_SKEW) > 0) {
                throw new IllegalArgumentException("clockSkew must be between 0 and 10 minutes");
            }
            this.clockSkew = clockSkew;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock cannot be null");
            return this;
        }

        /** How long fetched keys are used before they are fetched again; 10 minutes by default. */
        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl cannot be null");
            return this;
        }

        /** The shortest time between two fetches caused by unknown kids; 30 s by default. */
        public Builder minRefetchInterval(Duration minRefetchInterval) {
            this.minRefetchInterval = Objects.requireNonNull(minRefetchInterval, "minRefetchInterval cannot be null");
            return this;
        }

        /** The kinds of access token accepted; every kind by default. */
        public Builder acceptedModes(AuthMode first, AuthMode... rest) {
            EnumSet<AuthMode> modes = EnumSet.of(first, rest);
            if (modes.contains(AuthMode.NONE)) {
                throw new IllegalArgumentException("NONE is not a kind of token");
            }
            this.acceptedModes = modes;
            return this;
        }

        /**
         * Accepts machine identity tokens without {@code exp} (the instance-admin token bootstrap prints
         * is one). Warning: such a token is valid here forever; a verifier cannot see that it was
         * revoked. Enable only for services that must accept long-lived machine tokens.
         */
        public Builder allowNonExpiringIdentityTokens() {
            this.allowNonExpiring = true;
            return this;
        }

        public TokenVerifier build() {
            if (jwks == null) {
                throw new IllegalStateException("jwks cannot be null: call client(...) or jwks(...)");
            }
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalStateException(ISSUER_REQUIRED);
            }
            return new TokenVerifier(this);
        }
    }
}
