package io.latchkey.core.keys;

import java.util.List;

/**
 * Port: the instance key ring, shared by all nodes.
 *
 * @since 0.1
 */
public interface SigningKeyRepository {

    List<SigningKey> findAll();

    void insert(SigningKey key);

    /** Updates status and its timestamps; returns false when the kid is unknown. */
    boolean updateStatus(SigningKey key);

    /**
     * A value that changes whenever the ring changes (an insert or a status change), so nodes can poll
     * cheaply and reload only on change.
     */
    String version();
}
