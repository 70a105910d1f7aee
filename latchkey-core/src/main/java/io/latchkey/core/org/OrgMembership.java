package io.latchkey.core.org;

import io.latchkey.core.principal.PrincipalType;

import java.time.Instant;

/** A user or machine identity in an organization, with its organization role slug. */
public record OrgMembership(String orgId, PrincipalType memberType, String memberId, String role, Instant createdAt,
                            Instant updatedAt) {
}
