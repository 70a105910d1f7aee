package io.latchkey.sdk;

import io.latchkey.sdk.InvalidTokenException.Reason;
import io.latchkey.sdk.internal.AccessKeyCredentials;
import io.latchkey.sdk.internal.JwksCache;
import io.latchkey.sdk.internal.JwsChecks;
import io.latchkey.sdk.internal.JwtParts;
import io.latchkey.sdk.internal.VerificationKey;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies access-key session JWTs offline, for the team's own services: the RS256 signature against the
 * project's published keys ({@code GET /v2/keys/{projectId}}), the issuer ({@code <issuer>/<projectId>}),
 * {@code exp} and {@code nbf} with a clock skew, and that the token is an access-key session (its
 * {@code drn} claim is {@code DS}). Returns the session's claims with typed accessors for roles,
 * permissions and tenants.
 *
 * <pre>{@code
 * AccessKeySessionVerifier verifier = AccessKeySessionVerifier.builder()
 *         .client(client)                 // fetches /v2/keys/<projectId>
 *         .projectId(projectId)
 *         .issuer(issuer)                 // the server's issuer; sessions carry <issuer>/<projectId>
 *         .build();
 * AccessKeySessionClaims session = verifier.verifySession(bearerToken);   // InvalidTokenException -> 401
 * if (!session.permissions().contains("reports:read")) { ... 403 ... }
 * }</pre>
 *
 * <p>{@link TokenVerifier} verifies Latchkey's own access tokens and refuses sessions; this class refuses
 * everything but sessions. Only RS256 is accepted, whatever the header says ({@code none} and HMAC never).
 * Keys are cached and refetched on an unknown kid at most once per {@link Builder#minRefetchInterval}, as
 * in {@link TokenVerifier}. Offline verification cannot see that a key was deactivated: sessions issued
 * before stay valid until their {@code exp} (10 minutes by default). Thread-safe; share one verifier.
 *
 * @since 0.1
 */
public final class AccessKeySessionVerifier {
    /** The {@code drn} claim of every access-key session (specs/descope-access-keys.md section 5). */
    public static final String SESSION_MARKER = "DS";
    private static final Set<String> ALGORITHMS = Set.of(VerificationKey.RS256);
    private static final Duration MAX_SKEW = Duration.ofMinutes(10);

    private final JwksCache keys;
    private final String projectId;
    private final String expectedIssuer;
    private final Duration clockSkew;
    private final Clock clock;

    private AccessKeySessionVerifier(Builder b) {
        this.keys = new JwksCache(b.jwks, b.clock, b.cacheTtl, b.minRefetchInterval);
        this.projectId = b.projectId;
        this.expectedIssuer = b.issuer + "/" + b.projectId;
        this.clockSkew = b.clockSkew;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a session JWT of the configured project and returns its claims.
     *
     * @throws InvalidTokenException when the token is not a valid, current session of this project
     * @throws LatchkeyApiException  when the keys cannot be fetched
     */
    public AccessKeySessionClaims verifySession(String token) {
        JwtParts jwt = JwsChecks.parse(token);
        String alg = JwsChecks.algorithm(jwt, ALGORITHMS);
        JwsChecks.signature(jwt, JwsChecks.key(jwt, alg, keys));
        Claims claims = new Claims(jwt.payload());
        if (!expectedIssuer.equals(claims.issuer())) {
            throw new InvalidTokenException(Reason.WRONG_ISSUER, "the session was issued by " + claims.issuer() + ", not "
                    + expectedIssuer);
        }
        if (claims.expiresAt() == null) {
            throw new InvalidTokenException(Reason.NO_EXPIRY, "the session has no expiry (exp)");
        }
        JwsChecks.times(claims.expiresAt(), claims.notBefore(), clock.instant(), clockSkew);
        if (!SESSION_MARKER.equals(claims.get("drn")) || claims.subject() == null) {
            throw new InvalidTokenException(Reason.WRONG_TOKEN_USE, "the token is not an access-key session");
        }
        return new AccessKeySessionClaims(claims, projectId);
    }

    /**
     * Builds an {@link AccessKeySessionVerifier}. Required: where the keys come from ({@link #client} or
     * {@link #jwks}), the {@link #projectId} and the {@link #issuer}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Supplier<JsonWebKeySet> jwks;
        private Supplier<JsonWebKeySet> customJwks;
        private LatchkeyClient client;
        private String projectId;
        private String issuer;
        private Duration clockSkew = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Duration cacheTtl = Duration.ofMinutes(10);
        private Duration minRefetchInterval = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Fetch keys from this client's server ({@code /v2/keys/<projectId>}, no credentials); also takes its clock. */
        public Builder client(LatchkeyClient client) {
            this.client = Objects.requireNonNull(client, "client cannot be null");
            this.clock = client.clock();
            return this;
        }

        /** Fetch keys from a custom source (tests, a pinned set). */
        public Builder jwks(Supplier<JsonWebKeySet> jwks) {
            this.customJwks = Objects.requireNonNull(jwks, "jwks cannot be null");
            return this;
        }

        /** The project whose sessions this service accepts. */
        public Builder projectId(String projectId) {
            this.projectId = AccessKeyCredentials.requireProjectId(projectId);
            return this;
        }

        /**
         * The server's issuer (its public URL, as in {@code client.wellKnown().openIdConfiguration().issuer()}),
         * without the project id: sessions carry {@code <issuer>/<projectId>}.
         */
        public Builder issuer(String issuer) {
            Objects.requireNonNull(issuer, "issuer cannot be null");
            String s = issuer.trim();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            this.issuer = s;
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

        /**
         * @throws IllegalStateException when the key source, the project id or the issuer is missing
         */
        public AccessKeySessionVerifier build() {
            if (projectId == null) {
                throw new IllegalStateException("projectId cannot be null: set the project whose sessions you accept");
            }
            if (issuer == null || issuer.isEmpty()) {
                throw new IllegalStateException(TokenVerifier.ISSUER_REQUIRED);
            }
            if (customJwks != null) {
                jwks = customJwks;
            } else if (client != null) {
                LatchkeyClient c = client;
                String project = projectId;
                jwks = () -> c.accessKeys(project).signingKeys();
            } else {
                throw new IllegalStateException("jwks cannot be null: call client(...) or jwks(...)");
            }
            return new AccessKeySessionVerifier(this);
        }
    }
}
