package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A secret (specs/infisical.md section 4): its name, value and metadata at one version.
 *
 * @param id                    the secret's id (stable across versions, renames and moves)
 * @param projectId             its project
 * @param environment           its environment's slug
 * @param path                  its folder
 * @param key                   its name
 * @param value                 its value; secret. {@code <hidden-by-infisical>} when the caller may list
 *                              but not read it ({@link #valueHidden()})
 * @param valueHidden           whether the value was withheld
 * @param comment               its comment, or null
 * @param type                  {@code shared} or {@code personal}
 * @param version               its version (every write is a new one)
 * @param tags                  its tags
 * @param metadata              its key-value metadata
 * @param referenceErrors       references that expanded to the empty string, and why
 * @since 0.1
 */
public record Secret(String id, @JsonProperty("workspace") String projectId, String environment,
                     @JsonProperty("secretPath") String path, @JsonProperty("secretKey") String key,
                     @JsonProperty("secretValue") String value, @JsonProperty("secretValueHidden") boolean valueHidden,
                     @JsonProperty("secretComment") String comment, String type, int version, List<Tag> tags,
                     @JsonProperty("secretMetadata") List<MetadataEntry> metadata, Instant createdAt, Instant updatedAt,
                     @JsonProperty("secretReferenceErrors") List<ReferenceError> referenceErrors) {

    public Secret {
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
        referenceErrors = referenceErrors == null ? List.of() : List.copyOf(referenceErrors);
    }

    /** The same secret with its value replaced by {@code ***}, for showing it. */
    public Secret masked() {
        return new Secret(id, projectId, environment, path, key, value == null ? null : "***", valueHidden, comment, type,
                version, tags, metadata, createdAt, updatedAt, referenceErrors);
    }

    @Override
    public String toString() {
        // INVARIANT: the value never appears in logs or messages.
        return "Secret[key=" + key + ", environment=" + environment + ", path=" + path + ", version=" + version
                + ", value=***]";
    }

    /** A tag. @since 0.1 */
    public record Tag(String id, String slug, String name) {
    }

    /** A metadata pair. @since 0.1 */
    public record MetadataEntry(String key, String value) {
    }

    /** A reference that could not be expanded: {@code unresolvable}, {@code cycle}, {@code depth_exceeded}, {@code limit_exceeded}. @since 0.1 */
    public record ReferenceError(String reference, String reason) {
    }
}
