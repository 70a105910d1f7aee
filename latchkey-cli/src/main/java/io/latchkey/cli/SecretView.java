package io.latchkey.cli;

import io.latchkey.sdk.Secret;

import java.time.Instant;

/**
 * A secret as the secrets commands print it under {@code --json}. The value is there only when the user
 * asked for it ({@code --reveal}, {@code --plain}); otherwise the member is absent, so a JSON document of
 * a list never carries values by accident.
 *
 * <p>INVARIANT: outsiders parse these member names; add members, never rename them.
 *
 * @since 0.1
 */
record SecretView(String id, String key, String environment, String path, int version, String type, String comment,
                  String value, Boolean valueHidden, Instant updatedAt) {

    static SecretView of(Secret s, boolean reveal) {
        return new SecretView(s.id(), s.key(), s.environment(), s.path(), s.version(), s.type(),
                s.comment() == null || s.comment().isEmpty() ? null : s.comment(), reveal ? s.value() : null,
                s.valueHidden() ? Boolean.TRUE : null, s.updatedAt());
    }

    @Override
    public String toString() {
        return "SecretView[key=" + key + ", version=" + version + ", value=" + (value == null ? null : "***") + "]";
    }
}
