package io.latchkey.core.accesskey;

import io.latchkey.core.support.Require;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An access key: a machine credential that lives in one project and is exchanged for a short-lived session
 * JWT (specs/descope-access-keys.md sections 4.1 and 4.3). Immutable; create with {@link #builder()} and change
 * with {@link #from(AccessKey)}.
 *
 * <p>The key's secret is not part of the aggregate: it is shown once (at creation and rotation) and stored only
 * as a keyed hash, which the repository keeps beside the row. So an {@code AccessKey} can be logged, rendered
 * and cached without care.
 *
 * @since 0.1
 */
public final class AccessKey {
    private final String id;
    private final String projectId;
    private final String name;
    private final String description;
    private final CredentialStatus status;
    private final Instant expiresAt;
    private final String boundUserId;
    private final String createdBy;
    private final List<String> roleNames;
    private final List<KeyTenant> keyTenants;
    private final Map<String, Object> customClaims;
    private final Map<String, Object> customAttributes;
    private final List<String> permittedIps;
    private final Instant createdAt;
    private final Instant updatedAt;

    private AccessKey(Builder b) {
        this.id = b.id;
        this.projectId = b.projectId;
        this.name = b.name;
        this.description = b.description;
        this.status = b.status;
        this.expiresAt = b.expiresAt;
        this.boundUserId = b.boundUserId;
        this.createdBy = b.createdBy;
        this.roleNames = List.copyOf(b.roleNames);
        this.keyTenants = List.copyOf(b.keyTenants);
        this.customClaims = b.customClaims;
        this.customAttributes = b.customAttributes;
        this.permittedIps = List.copyOf(b.permittedIps);
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of {@code existing}. */
    public static Builder from(AccessKey existing) {
        Builder b = new Builder();
        b.id = existing.id;
        b.projectId = existing.projectId;
        b.name = existing.name;
        b.description = existing.description;
        b.status = existing.status;
        b.expiresAt = existing.expiresAt;
        b.boundUserId = existing.boundUserId;
        b.createdBy = existing.createdBy;
        b.roleNames = existing.roleNames;
        b.keyTenants = existing.keyTenants;
        b.customClaims = existing.customClaims;
        b.customAttributes = existing.customAttributes;
        b.permittedIps = existing.permittedIps;
        b.createdAt = existing.createdAt;
        b.updatedAt = existing.updatedAt;
        return b;
    }

    public String id() {
        return id;
    }

    public String projectId() {
        return projectId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public CredentialStatus status() {
        return status;
    }

    /** Null when the key never expires (the dialect's {@code expireTime: 0}). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The user the key acts for, or null; the key stops working when that user is disabled or deleted. */
    public String boundUserId() {
        return boundUserId;
    }

    public String createdBy() {
        return createdBy;
    }

    /** Project-level roles. */
    public List<String> roleNames() {
        return roleNames;
    }

    public List<KeyTenant> keyTenants() {
        return keyTenants;
    }

    /** Claims merged at the top level of every session JWT; null when none were given. */
    public Map<String, Object> customClaims() {
        return customClaims;
    }

    public Map<String, Object> customAttributes() {
        return customAttributes;
    }

    /** IP addresses and CIDR blocks allowed to exchange the key; empty means any. */
    public List<String> permittedIps() {
        return permittedIps;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean isActive() {
        return status == CredentialStatus.ACTIVE;
    }

    /** True at and after the expiry time. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", projectId=" + projectId + ", status=" + status + "]";
    }

    /** Collects fields; {@link #build()} checks that the required ones are set. */
    public static final class Builder {
        private String id;
        private String projectId;
        private String name;
        private String description;
        private CredentialStatus status = CredentialStatus.ACTIVE;
        private Instant expiresAt;
        private String boundUserId;
        private String createdBy;
        private List<String> roleNames = List.of();
        private List<KeyTenant> keyTenants = List.of();
        private Map<String, Object> customClaims;
        private Map<String, Object> customAttributes;
        private List<String> permittedIps = List.of();
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder id(String v) {
            this.id = v;
            return this;
        }

        public Builder projectId(String v) {
            this.projectId = v;
            return this;
        }

        public Builder name(String v) {
            this.name = v;
            return this;
        }

        public Builder description(String v) {
            this.description = v;
            return this;
        }

        /** Default {@link CredentialStatus#ACTIVE}. */
        public Builder status(CredentialStatus v) {
            this.status = v;
            return this;
        }

        public Builder expiresAt(Instant v) {
            this.expiresAt = v;
            return this;
        }

        public Builder boundUserId(String v) {
            this.boundUserId = v;
            return this;
        }

        public Builder createdBy(String v) {
            this.createdBy = v;
            return this;
        }

        public Builder roleNames(List<String> v) {
            this.roleNames = v == null ? List.of() : v;
            return this;
        }

        public Builder keyTenants(List<KeyTenant> v) {
            this.keyTenants = v == null ? List.of() : v;
            return this;
        }

        /** Expected frozen (see {@link io.latchkey.core.support.JsonValues}); kept as given. */
        public Builder customClaims(Map<String, Object> v) {
            this.customClaims = v;
            return this;
        }

        /** Expected frozen (see {@link io.latchkey.core.support.JsonValues}); kept as given. */
        public Builder customAttributes(Map<String, Object> v) {
            this.customAttributes = v;
            return this;
        }

        public Builder permittedIps(List<String> v) {
            this.permittedIps = v == null ? List.of() : v;
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

        /** @throws IllegalArgumentException when id, project, name, status, creator or times are missing */
        public AccessKey build() {
            Require.nonBlank(id, "id");
            Require.nonBlank(projectId, "projectId");
            Require.nonBlank(name, "name");
            Require.nonNull(status, "status");
            Require.nonBlank(createdBy, "createdBy");
            Require.nonNull(createdAt, "createdAt");
            if (updatedAt == null) {
                updatedAt = createdAt;
            }
            return new AccessKey(this);
        }
    }
}
