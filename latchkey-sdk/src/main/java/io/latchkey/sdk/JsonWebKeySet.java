package io.latchkey.sdk;

import java.util.List;

/**
 * The server's public signing keys. In the IAM dialect's set, {@code keys[0]} is the key that currently
 * signs access tokens.
 *
 * @since 0.1
 */
public record JsonWebKeySet(List<JsonWebKey> keys) {

    public JsonWebKeySet {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }
}
