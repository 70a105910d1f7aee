package io.latchkey.sdk;

/**
 * How to list or read secrets. {@link #defaults()}: this folder only, no imports, references expanded,
 * values included.
 *
 * @param recursive         include the secrets of every folder below
 * @param includeImports    include the secrets the folder imports
 * @param expandReferences  expand {@code ${NAME}} and {@code ${env.path.NAME}} references
 * @param includeValues     include values (false: names and metadata only; needs only {@code secrets:List})
 * @since 0.1
 */
public record SecretListOptions(boolean recursive, boolean includeImports, boolean expandReferences,
                                boolean includeValues) {

    public static SecretListOptions defaults() {
        return new SecretListOptions(false, false, true, true);
    }

    public SecretListOptions withRecursive(boolean v) {
        return new SecretListOptions(v, includeImports, expandReferences, includeValues);
    }

    public SecretListOptions withImports(boolean v) {
        return new SecretListOptions(recursive, v, expandReferences, includeValues);
    }

    public SecretListOptions withExpandReferences(boolean v) {
        return new SecretListOptions(recursive, includeImports, v, includeValues);
    }

    public SecretListOptions withValues(boolean v) {
        return new SecretListOptions(recursive, includeImports, expandReferences, v);
    }
}
