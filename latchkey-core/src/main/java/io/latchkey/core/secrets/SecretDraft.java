package io.latchkey.core.secrets;

import java.util.List;

/**
 * A secret to create, as the client sent it (validated by {@link SecretService}).
 *
 * @param type null means {@link SecretType#SHARED}
 * @since 0.1
 */
public record SecretDraft(String name, String value, String comment, SecretType type, Boolean skipMultilineEncoding,
                          List<String> tags, List<SecretMetadata> metadata, String reminderNote, Integer reminderRepeatDays) {

    @Override
    public String toString() {
        return "SecretDraft[name=" + name + ", value=***]";
    }
}
