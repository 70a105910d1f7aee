package io.latchkey.core.identity;

import io.latchkey.core.support.Require;

import java.time.Instant;
import java.util.Map;

/**
 * JWT auth or OIDC auth attached to an identity: which keys sign the outside issuer's JWTs, what those JWTs
 * must say ({@link BoundClaims}), which claims become the access token's metadata, and the settings of the
 * tokens a login issues. The two methods differ only in their key source: JWT auth takes static keys or a
 * JWKS URL, OIDC auth a discovery URL. Immutable; create with {@link #builder()}, change with
 * {@link #from(ExternalJwtAuthConfig)}.
 *
 * @since 0.1
 */
public final class ExternalJwtAuthConfig {
    /** Most entries in {@code claimMetadataMapping} and in {@code boundClaims}. */
    public static final int MAX_MAPPINGS = 50;

    private final String id;
    private final String identityId;
    private final String method;
    private final ExternalKeySource keySource;
    private final BoundClaims bindings;
    private final Map<String, String> claimMetadataMapping;
    private final AccessTokenSettings tokens;
    private final Instant createdAt;
    private final Instant updatedAt;

    private ExternalJwtAuthConfig(Builder b) {
        this.id = b.id;
        this.identityId = b.identityId;
        this.method = b.method;
        this.keySource = b.keySource;
        this.bindings = b.bindings;
        this.claimMetadataMapping = Map.copyOf(b.claimMetadataMapping);
        this.tokens = b.tokens;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder from(ExternalJwtAuthConfig c) {
        return new Builder().id(c.id).identityId(c.identityId).method(c.method).keySource(c.keySource)
                .bindings(c.bindings).claimMetadataMapping(c.claimMetadataMapping).tokens(c.tokens)
                .createdAt(c.createdAt).updatedAt(c.updatedAt);
    }

    public String id() {
        return id;
    }

    public String identityId() {
        return identityId;
    }

    /** {@code jwt-auth} or {@code oidc-auth}. */
    public String method() {
        return method;
    }

    public ExternalKeySource keySource() {
        return keySource;
    }

    public BoundClaims bindings() {
        return bindings;
    }

    /** Metadata key to claim name (dotted path). */
    public Map<String, String> claimMetadataMapping() {
        return claimMetadataMapping;
    }

    public AccessTokenSettings tokens() {
        return tokens;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Fluent construction; {@link #build()} rejects a missing key source. */
    public static final class Builder {
        private String id;
        private String identityId;
        private String method;
        private ExternalKeySource keySource;
        private BoundClaims bindings = new BoundClaims(null, null, null, null);
        private Map<String, String> claimMetadataMapping = Map.of();
        private AccessTokenSettings tokens = AccessTokenSettings.DEFAULTS;
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

        public Builder method(String v) {
            this.method = v;
            return this;
        }

        public Builder keySource(ExternalKeySource v) {
            this.keySource = v;
            return this;
        }

        public Builder bindings(BoundClaims v) {
            this.bindings = v;
            return this;
        }

        public Builder claimMetadataMapping(Map<String, String> v) {
            this.claimMetadataMapping = v == null ? Map.of() : v;
            return this;
        }

        public Builder tokens(AccessTokenSettings v) {
            this.tokens = v;
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

        public ExternalJwtAuthConfig build() {
            Require.nonBlank(id, "id");
            Require.nonBlank(identityId, "identityId");
            Require.nonBlank(method, "method");
            Require.nonNull(keySource, "keySource");
            Require.nonNull(bindings, "bindings");
            Require.nonNull(tokens, "tokens");
            Require.nonNull(createdAt, "createdAt");
            if (updatedAt == null) {
                updatedAt = createdAt;
            }
            return new ExternalJwtAuthConfig(this);
        }
    }
}
