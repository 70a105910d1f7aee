package io.latchkey.core.pat;

import java.util.List;
import java.util.Optional;

/**
 * Port: personal access tokens.
 *
 * @since 0.1
 */
public interface PatRepository {

    void insert(PersonalAccessToken token);

    Optional<PersonalAccessToken> findById(String id);

    /** Tokens of an owner ordered by id, after {@code afterId} (exclusive, null for the start). */
    List<PersonalAccessToken> findByOwner(String ownerUserId, String afterId, int limit);

    boolean update(PersonalAccessToken token);

    boolean delete(String id);
}
