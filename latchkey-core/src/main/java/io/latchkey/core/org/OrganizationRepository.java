package io.latchkey.core.org;

import io.latchkey.core.principal.PrincipalType;

import java.util.List;
import java.util.Optional;

/**
 * Port: organizations and their memberships.
 *
 * @since 0.1
 */
public interface OrganizationRepository {

    void insert(Organization org);

    Optional<Organization> findById(String id);

    Optional<Organization> findBySlug(String slug);

    void insertMembership(OrgMembership membership);

    Optional<OrgMembership> findMembership(String orgId, PrincipalType type, String memberId);

    List<OrgMembership> findMembershipsOf(PrincipalType type, String memberId);

    List<OrgMembership> findMembers(String orgId);

    boolean updateMembershipRole(String orgId, PrincipalType type, String memberId, String role);

    boolean deleteMembership(String orgId, PrincipalType type, String memberId);
}
