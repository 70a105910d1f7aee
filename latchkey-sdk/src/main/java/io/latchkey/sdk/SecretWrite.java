package io.latchkey.sdk;

import java.util.List;

/**
 * A secret to create or the changes to make to one ({@link SecretsApi#create}, {@link SecretsApi#update},
 * batches). Start with {@link #of(String, String)} (name and value) or {@link #named(String)} (changes only)
 * and add members; absent members are not sent.
 *
 * @param key             the secret's name (letters, digits, {@code _}, {@code -}; 1 to 256)
 * @param value           its value; secret
 * @param comment         a comment
 * @param newKey          on update: the new name (a rename)
 * @param tagIds          tag slugs
 * @param expectedVersion on update and delete: fail with {@link ConflictException} unless the secret is
 *                        still at this version (optimistic concurrency)
 * @since 0.1
 */
public record SecretWrite(String key, String value, String comment, String newKey, List<String> tagIds,
                          Integer expectedVersion) {

    public static SecretWrite of(String key, String value) {
        return new SecretWrite(key, value, null, null, null, null);
    }

    public static SecretWrite named(String key) {
        return new SecretWrite(key, null, null, null, null, null);
    }

    public SecretWrite withValue(String v) {
        return new SecretWrite(key, v, comment, newKey, tagIds, expectedVersion);
    }

    public SecretWrite withComment(String v) {
        return new SecretWrite(key, value, v, newKey, tagIds, expectedVersion);
    }

    public SecretWrite withNewKey(String v) {
        return new SecretWrite(key, value, comment, v, tagIds, expectedVersion);
    }

    public SecretWrite withTags(List<String> v) {
        return new SecretWrite(key, value, comment, newKey, v == null ? null : List.copyOf(v), expectedVersion);
    }

    public SecretWrite withExpectedVersion(int v) {
        return new SecretWrite(key, value, comment, newKey, tagIds, v);
    }

    @Override
    public String toString() {
        return "SecretWrite[key=" + key + ", value=" + (value == null ? null : "***") + ", newKey=" + newKey
                + ", expectedVersion=" + expectedVersion + "]";
    }
}
