package io.latchkey.core.instance;

import java.util.Optional;

/**
 * Port: instance-wide settings and markers (bootstrap state, root-key check value), as key/value rows.
 *
 * @since 0.1
 */
public interface InstanceRepository {

    Optional<String> get(String key);

    /** Inserts when absent; returns false (and changes nothing) when the key exists. */
    boolean putIfAbsent(String key, String value);

    void put(String key, String value);

    /**
     * Takes a row lock named {@code name} until the current transaction ends, creating the row if needed.
     * Serializes instance-wide operations (key rotation, bootstrap) across every node.
     */
    void lock(String name);
}
