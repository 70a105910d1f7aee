package io.latchkey.store.jdbc;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgMembership;
import io.latchkey.core.org.Organization;
import io.latchkey.core.org.OrganizationRepository;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.support.Require;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link OrganizationRepository} over {@code organizations} and {@code org_memberships}. */
public final class JdbcOrganizationRepository implements OrganizationRepository {
    static final String ORG_COLUMNS = "id, name, slug, created_at, updated_at";
    static final String INSERT_ORG = "INSERT INTO organizations (" + ORG_COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    static final String SELECT_ORG_BY_ID = "SELECT " + ORG_COLUMNS + " FROM organizations WHERE id = ?";
    static final String SELECT_ORG_BY_SLUG = "SELECT " + ORG_COLUMNS + " FROM organizations WHERE slug = ?";
    static final String M_COLUMNS = "org_id, member_type, member_id, role, created_at, updated_at";
    static final String INSERT_MEMBERSHIP = "INSERT INTO org_memberships (" + M_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    static final String SELECT_MEMBERSHIP = "SELECT " + M_COLUMNS
            + " FROM org_memberships WHERE org_id = ? AND member_type = ? AND member_id = ?";
    static final String SELECT_MEMBERSHIPS_OF = "SELECT " + M_COLUMNS
            + " FROM org_memberships WHERE member_type = ? AND member_id = ? ORDER BY created_at, org_id";
    static final String SELECT_MEMBERS = "SELECT " + M_COLUMNS + " FROM org_memberships WHERE org_id = ? ORDER BY created_at, member_id";
    static final String UPDATE_ROLE = "UPDATE org_memberships SET role = ?, updated_at = CURRENT_TIMESTAMP "
            + "WHERE org_id = ? AND member_type = ? AND member_id = ?";
    static final String DELETE_MEMBERSHIP = "DELETE FROM org_memberships WHERE org_id = ? AND member_type = ? AND member_id = ?";

    private static final RowMapper<Organization> ORG = rs -> new Organization(rs.getString("id"), rs.getString("name"),
            rs.getString("slug"), JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));
    private static final RowMapper<OrgMembership> MEMBERSHIP = JdbcOrganizationRepository::membership;

    private final JdbcDatabase db;

    public JdbcOrganizationRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public void insert(Organization org) {
        try {
            db.update(INSERT_ORG, org.id(), org.name(), org.slug(), org.createdAt(), org.updatedAt());
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "slug", "an organization with this slug already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Organization> findById(String id) {
        return db.queryOne(SELECT_ORG_BY_ID, ORG, id);
    }

    @Override
    public Optional<Organization> findBySlug(String slug) {
        return db.queryOne(SELECT_ORG_BY_SLUG, ORG, slug);
    }

    @Override
    public void insertMembership(OrgMembership m) {
        try {
            db.update(INSERT_MEMBERSHIP, m.orgId(), m.memberType().wire(), m.memberId(), m.role(), m.createdAt(), m.updatedAt());
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw LatchkeyException.of(ErrorCode.ALREADY_EXISTS, "already a member of the organization");
            }
            throw e;
        }
    }

    @Override
    public Optional<OrgMembership> findMembership(String orgId, PrincipalType type, String memberId) {
        return db.queryOne(SELECT_MEMBERSHIP, MEMBERSHIP, orgId, type.wire(), memberId);
    }

    @Override
    public List<OrgMembership> findMembershipsOf(PrincipalType type, String memberId) {
        return db.query(SELECT_MEMBERSHIPS_OF, MEMBERSHIP, type.wire(), memberId);
    }

    @Override
    public List<OrgMembership> findMembers(String orgId) {
        return db.query(SELECT_MEMBERS, MEMBERSHIP, orgId);
    }

    @Override
    public boolean updateMembershipRole(String orgId, PrincipalType type, String memberId, String role) {
        return db.update(UPDATE_ROLE, role, orgId, type.wire(), memberId) == 1;
    }

    @Override
    public boolean deleteMembership(String orgId, PrincipalType type, String memberId) {
        return db.update(DELETE_MEMBERSHIP, orgId, type.wire(), memberId) == 1;
    }

    private static OrgMembership membership(ResultSet rs) throws SQLException {
        return new OrgMembership(rs.getString("org_id"), PrincipalType.fromWire(rs.getString("member_type"), "member_type"),
                rs.getString("member_id"), rs.getString("role"), JdbcDatabase.instant(rs, "created_at"),
                JdbcDatabase.instant(rs, "updated_at"));
    }
}
