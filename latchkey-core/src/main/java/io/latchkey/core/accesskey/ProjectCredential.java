package io.latchkey.core.accesskey;

import io.latchkey.core.support.Ids;

/**
 * The credential the access-key dialect carries in its Authorization header:
 * {@code Bearer <projectId>:<secret>[:<extra>]} (specs/descope-access-keys.md section 2). Management calls send
 * a management key as the secret; the exchange sends an access key's cleartext, optionally followed by the
 * application's "auth management key".
 *
 * <p>Trap: the fields are colon-separated, so no project id, management key or access-key cleartext may ever
 * contain {@code ':'}; Latchkey's ids are alphanumeric and its secrets base64url, which guarantees it.
 *
 * @param extra the optional third field; null when absent
 * @since 0.1
 */
public record ProjectCredential(String projectId, String secret, String extra) {
    /** Longer header values are refused before any work is done. */
    public static final int MAX_LENGTH = 1024;

    /**
     * Parses the value after {@code Bearer }. Returns null when it does not have the dialect's shape: not two
     * or three non-empty colon-separated fields, or a first field that is not a project id ({@code P} and 27
     * letters or digits).
     */
    public static ProjectCredential parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return null;
        }
        String[] parts = value.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        for (String p : parts) {
            if (p.isBlank()) {
                return null;
            }
        }
        if (!Ids.isProjectId(parts[0])) {
            return null;
        }
        return new ProjectCredential(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ProjectCredential[projectId=" + projectId + "]";
    }
}
