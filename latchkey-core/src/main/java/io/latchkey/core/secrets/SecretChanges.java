package io.latchkey.core.secrets;

import java.util.List;

/**
 * What to change on an existing secret; null members stay as they are (specs/infisical.md section 4, S4).
 *
 * @param newName rename to this name in the same folder
 * @param expectedVersion optimistic concurrency: the write fails with {@code version_mismatch} (409) unless
 *        the secret is at this version (from {@code If-Match} or the request body)
 * @since 0.1
 */
public record SecretChanges(String value, String newName, String comment, Boolean skipMultilineEncoding, List<String> tags,
                            List<SecretMetadata> metadata, String reminderNote, Integer reminderRepeatDays,
                            Integer expectedVersion) {

    /** The same changes with an expected version. */
    public SecretChanges expecting(Integer version) {
        return new SecretChanges(value, newName, comment, skipMultilineEncoding, tags, metadata, reminderNote,
                reminderRepeatDays, version);
    }

    @Override
    public String toString() {
        return "SecretChanges[newName=" + newName + ", value=" + (value == null ? "unchanged" : "***") + "]";
    }
}
