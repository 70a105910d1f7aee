package io.latchkey.sdk;

/**
 * The answer to creating a management key: the key and its value, shown this once. Store the value in a
 * secret manager; the server keeps only a keyed hash.
 *
 * @param key       the key
 * @param cleartext the value; management calls send {@code Bearer <projectId>:<cleartext>}
 * @since 0.1
 */
public record CreatedManagementKey(ManagementKey key, String cleartext) {

    @Override
    public String toString() {
        // INVARIANT: the secret value never appears in logs or messages.
        return "CreatedManagementKey[id=" + (key == null ? null : key.id()) + ", cleartext=***]";
    }
}
