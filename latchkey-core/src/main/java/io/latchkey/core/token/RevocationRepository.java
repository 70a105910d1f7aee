package io.latchkey.core.token;

import java.time.Instant;
import java.util.List;

/**
 * Port: the jti deny-list every server node shares. Nodes poll {@link #listRevokedSince} and keep an
 * in-memory copy, so checking a token costs a map lookup, not a query.
 *
 * @since 0.1
 */
public interface RevocationRepository {

    /** Stores or refreshes a revocation (idempotent per kind and value; the later revocation time wins). */
    void save(Revocation revocation);

    List<Revocation> listRevokedSince(Instant since);

    /** Deletes entries whose {@code expiresAt} is before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
