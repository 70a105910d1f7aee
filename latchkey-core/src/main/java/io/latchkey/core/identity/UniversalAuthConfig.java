package io.latchkey.core.identity;

import io.latchkey.core.support.Require;

import java.time.Instant;

/**
 * Universal auth attached to an identity (specs/infisical.md section 3.1): the public client id, where its
 * client secrets may be presented from, the lockout rule, and the settings of the tokens it issues.
 * Immutable; create with {@link #builder()}, change with {@link #from(UniversalAuthConfig)}.
 *
 * @since 0.1
 */
public final class UniversalAuthConfig {
    private final String id;
    private final String identityId;
    private final String clientId;
    private final AccessTokenSettings tokens;
    private final TrustedIps clientSecretTrustedIps;
    private final Lockout lockout;
    private final Instant createdAt;
    private final Instant updatedAt;

    private UniversalAuthConfig(Builder b) {
        this.id = b.id;
        this.identityId = b.identityId;
        this.clientId = b.clientId;
        this.tokens = b.tokens;
        this.clientSecretTrustedIps = b.clientSecretTrustedIps;
        this.lockout = b.lockout;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder from(UniversalAuthConfig c) {
        Builder b = new Builder();
        b.id = c.id;
        b.identityId = c.identityId;
        b.clientId = c.clientId;
        b.tokens = c.tokens;
        b.clientSecretTrustedIps = c.clientSecretTrustedIps;
        b.lockout = c.lockout;
        b.createdAt = c.createdAt;
        b.updatedAt = c.updatedAt;
        return b;
    }

    public String id() {
        return id;
    }

    public String identityId() {
        return identityId;
    }

    /** The public half of the credential; safe to show. */
    public String clientId() {
        return clientId;
    }

    public AccessTokenSettings tokens() {
        return tokens;
    }

    public TrustedIps clientSecretTrustedIps() {
        return clientSecretTrustedIps;
    }

    public Lockout lockout() {
        return lockout;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Fluent construction; {@link #build()} fills the spec's defaults for token settings and lockout. */
    public static final class Builder {
        private String id;
        private String identityId;
        private String clientId;
        private AccessTokenSettings tokens = AccessTokenSettings.DEFAULTS;
        private TrustedIps clientSecretTrustedIps = TrustedIps.ANYWHERE;
        private Lockout lockout = Lockout.DEFAULTS;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder id(String v) {
            this.id = v;
            return this;
        }

        public Builder identityId(String v) {
            this.identityId = v;
            return this;
        }

        public Builder clientId(String v) {
            this.clientId = v;
            return this;
        }

        public Builder tokens(AccessTokenSettings v) {
            this.tokens = v;
            return this;
        }

        public Builder clientSecretTrustedIps(TrustedIps v) {
            this.clientSecretTrustedIps = v;
            return this;
        }

        public Builder lockout(Lockout v) {
            this.lockout = v;
            return this;
        }

        public Builder createdAt(Instant v) {
            this.createdAt = v;
            return this;
        }

        public Builder updatedAt(Instant v) {
            this.updatedAt = v;
            return this;
        }

        public UniversalAuthConfig build() {
            Require.nonBlank(id, "id");
            Require.nonBlank(identityId, "identityId");
            Require.nonBlank(clientId, "clientId");
            Require.nonNull(tokens, "tokens");
            Require.nonNull(clientSecretTrustedIps, "clientSecretTrustedIps");
            Require.nonNull(lockout, "lockout");
            Require.nonNull(createdAt, "createdAt");
            if (updatedAt == null) {
                updatedAt = createdAt;
            }
            return new UniversalAuthConfig(this);
        }
    }
}
