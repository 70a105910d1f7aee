package io.latchkey.core.user;

import java.util.List;
import java.util.Optional;

/**
 * Port: users. Emails are unique per instance, compared in their normalized form (trimmed, lower case).
 *
 * @since 0.1
 */
public interface UserRepository {

    /** @throws io.latchkey.core.error.LatchkeyException {@code already_exists} when the email is taken */
    void insert(User user);

    Optional<User> findById(String id);

    Optional<User> findByEmail(String email);

    boolean update(User user);

    /** Users who are members of {@code orgId}, ordered by id, after {@code afterId} (exclusive; null for the start). */
    List<User> findByOrg(String orgId, String afterId, int limit);
}
