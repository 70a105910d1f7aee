package io.latchkey.core.token;

import io.latchkey.core.support.Require;

import java.time.Duration;

/**
 * Lifetimes and tolerances of the tokens Latchkey mints and accepts. Immutable; build with
 * {@link #builder()}. Defaults are documented on each builder method.
 *
 * @since 0.1
 */
public final class TokenSettings {
    private final String issuer;
    private final Duration userTokenTtl;
    private final Duration patTokenTtl;
    private final Duration projectTokenTtl;
    private final Duration accessKeySessionTtl;
    private final Duration clockSkew;
    private final Duration maxAssertionLifetime;

    private TokenSettings(Builder b) {
        this.issuer = b.issuer;
        this.userTokenTtl = b.userTokenTtl;
        this.patTokenTtl = b.patTokenTtl;
        this.projectTokenTtl = b.projectTokenTtl;
        this.accessKeySessionTtl = b.accessKeySessionTtl;
        this.clockSkew = b.clockSkew;
        this.maxAssertionLifetime = b.maxAssertionLifetime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code iss} of every token: the public base URL of the instance, without a trailing slash. */
    public String issuer() {
        return issuer;
    }

    public Duration userTokenTtl() {
        return userTokenTtl;
    }

    public Duration patTokenTtl() {
        return patTokenTtl;
    }

    public Duration projectTokenTtl() {
        return projectTokenTtl;
    }

    public Duration accessKeySessionTtl() {
        return accessKeySessionTtl;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public Duration maxAssertionLifetime() {
        return maxAssertionLifetime;
    }

    /** The longest lifetime of any expiring token this instance mints; retired keys stay published this long. */
    public Duration longestTokenTtl() {
        Duration max = userTokenTtl;
        for (Duration d : new Duration[] {patTokenTtl, projectTokenTtl, accessKeySessionTtl}) {
            if (d.compareTo(max) > 0) {
                max = d;
            }
        }
        return max;
    }

    public static final class Builder {
        private String issuer = "http://127.0.0.1:8400";
        private Duration userTokenTtl = Duration.ofHours(1);
        private Duration patTokenTtl = Duration.ofHours(1);
        private Duration projectTokenTtl = Duration.ofHours(1);
        private Duration accessKeySessionTtl = Duration.ofMinutes(10);
        private Duration clockSkew = Duration.ofSeconds(30);
        private Duration maxAssertionLifetime = Duration.ofMinutes(5);

        private Builder() {
        }

        /** Default {@code http://127.0.0.1:8400}. */
        public Builder issuer(String issuer) {
            String s = Require.nonBlank(issuer, "issuer");
            this.issuer = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
            return this;
        }

        /** Default 1 hour. */
        public Builder userTokenTtl(Duration d) {
            this.userTokenTtl = positive(d, "userTokenTtl");
            return this;
        }

        /** Default 1 hour. */
        public Builder patTokenTtl(Duration d) {
            this.patTokenTtl = positive(d, "patTokenTtl");
            return this;
        }

        /** Default 1 hour. */
        public Builder projectTokenTtl(Duration d) {
            this.projectTokenTtl = positive(d, "projectTokenTtl");
            return this;
        }

        /** Default 10 minutes. */
        public Builder accessKeySessionTtl(Duration d) {
            this.accessKeySessionTtl = positive(d, "accessKeySessionTtl");
            return this;
        }

        /** Tolerance for clocks that disagree, applied to exp, nbf and iat checks. Default 30 seconds. */
        public Builder clockSkew(Duration d) {
            Require.nonNull(d, "clockSkew");
            if (d.isNegative() || d.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalStateException("clockSkew must be between 0 and 5 minutes");
            }
            this.clockSkew = d;
            return this;
        }

        /** The longest {@code exp - iat} a client assertion may declare. Default 5 minutes (RFC 7523 3). */
        public Builder maxAssertionLifetime(Duration d) {
            this.maxAssertionLifetime = positive(d, "maxAssertionLifetime");
            return this;
        }

        public TokenSettings build() {
            return new TokenSettings(this);
        }

        private static Duration positive(Duration d, String name) {
            Require.nonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalStateException(name + " must be positive");
            }
            return d;
        }
    }
}
