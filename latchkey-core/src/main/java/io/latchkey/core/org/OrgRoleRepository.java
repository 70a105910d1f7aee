package io.latchkey.core.org;

import java.util.List;
import java.util.Optional;

/**
 * Port: custom organization roles.
 *
 * @since 0.1
 */
public interface OrgRoleRepository {

    /** False (and nothing written) when the slug is taken in the organization. */
    boolean insert(OrgRole role);

    Optional<OrgRole> find(String orgId, String slug);

    List<OrgRole> findByOrg(String orgId);

    boolean delete(String orgId, String slug);
}
