package io.latchkey.core.secrets;

import io.latchkey.core.support.Require;

import java.time.Instant;
import java.util.List;

/**
 * A secret as stored: its identity and place (environment, folder path, name, type, owner), the current
 * version, and its value and comment sealed with the project's data key (see {@link SecretCipher}). The same
 * type describes a past version: a version is a snapshot of the secret as it was written.
 *
 * <p>INVARIANT: no plaintext value or comment is ever held here; {@link SecretCipher} opens them into a
 * {@link PlainSecret} only for the response that needs them.
 *
 * @param ownerId the user a {@link SecretType#PERSONAL} secret belongs to; null for shared secrets
 * @param sealedComment null when the comment is empty
 * @param actorType who wrote this version (principal type wire name), with {@code actorId}
 * @param updatedAt when this version was written
 * @since 0.1
 */
public record Secret(String id, String projectId, String environmentId, SecretPath path, String name, SecretType type,
                     String ownerId, int version, byte[] sealedValue, byte[] sealedComment, Boolean skipMultilineEncoding,
                     String reminderNote, Integer reminderRepeatDays, List<String> tags, List<SecretMetadata> metadata,
                     String actorType, String actorId, Instant createdAt, Instant updatedAt) {

    public Secret {
        Require.nonNull(id, "id");
        Require.nonNull(path, "path");
        Require.nonNull(type, "type");
        Require.nonNull(sealedValue, "sealedValue");
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with every field of this secret, for writing the next version. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.projectId = projectId;
        b.environmentId = environmentId;
        b.path = path;
        b.name = name;
        b.type = type;
        b.ownerId = ownerId;
        b.version = version;
        b.sealedValue = sealedValue;
        b.sealedComment = sealedComment;
        b.skipMultilineEncoding = skipMultilineEncoding;
        b.reminderNote = reminderNote;
        b.reminderRepeatDays = reminderRepeatDays;
        b.tags = tags;
        b.metadata = metadata;
        b.actorType = actorType;
        b.actorId = actorId;
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        return b;
    }

    @Override
    public String toString() {
        return "Secret[id=" + id + ", path=" + path + ", name=" + name + ", type=" + type.wire() + ", version=" + version + "]";
    }

    /** Fluent construction; {@link #build} validates through the record's constructor. */
    public static final class Builder {
        private String id;
        private String projectId;
        private String environmentId;
        private SecretPath path = SecretPath.ROOT;
        private String name;
        private SecretType type = SecretType.SHARED;
        private String ownerId;
        private int version = 1;
        private byte[] sealedValue;
        private byte[] sealedComment;
        private Boolean skipMultilineEncoding;
        private String reminderNote;
        private Integer reminderRepeatDays;
        private List<String> tags = List.of();
        private List<SecretMetadata> metadata = List.of();
        private String actorType;
        private String actorId;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder projectId(String v) {
            projectId = v;
            return this;
        }

        public Builder environmentId(String v) {
            environmentId = v;
            return this;
        }

        public Builder path(SecretPath v) {
            path = v;
            return this;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder type(SecretType v) {
            type = v;
            return this;
        }

        public Builder ownerId(String v) {
            ownerId = v;
            return this;
        }

        public Builder version(int v) {
            version = v;
            return this;
        }

        public Builder sealedValue(byte[] v) {
            sealedValue = v;
            return this;
        }

        public Builder sealedComment(byte[] v) {
            sealedComment = v;
            return this;
        }

        public Builder skipMultilineEncoding(Boolean v) {
            skipMultilineEncoding = v;
            return this;
        }

        public Builder reminder(String note, Integer repeatDays) {
            reminderNote = note;
            reminderRepeatDays = repeatDays;
            return this;
        }

        public Builder tags(List<String> v) {
            tags = v;
            return this;
        }

        public Builder metadata(List<SecretMetadata> v) {
            metadata = v;
            return this;
        }

        public Builder actor(String type, String id) {
            actorType = type;
            actorId = id;
            return this;
        }

        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        public Builder updatedAt(Instant v) {
            updatedAt = v;
            return this;
        }

        public Secret build() {
            return new Secret(id, projectId, environmentId, path, name, type, ownerId, version, sealedValue, sealedComment,
                    skipMultilineEncoding, reminderNote, reminderRepeatDays, tags, metadata, actorType, actorId, createdAt,
                    updatedAt);
        }
    }
}
