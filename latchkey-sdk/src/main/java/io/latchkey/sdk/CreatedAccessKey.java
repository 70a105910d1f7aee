package io.latchkey.sdk;

/**
 * The answer to creating or rotating an access key: the key and its secret value. The server stores only a
 * keyed hash of the value and never shows it again, so store it now (in a secret manager, never in logs).
 *
 * @param key       the key
 * @param cleartext the secret value; what a machine passes to {@link Credentials#accessKey(String, String)}
 * @since 0.1
 */
public record CreatedAccessKey(AccessKey key, String cleartext) {

    @Override
    public String toString() {
        // INVARIANT: the secret value never appears in logs or messages.
        return "CreatedAccessKey[id=" + (key == null ? null : key.id()) + ", cleartext=***]";
    }
}
