package io.latchkey.store.jdbc;

import io.latchkey.core.org.OrgPermission;
import io.latchkey.core.org.OrgRole;
import io.latchkey.core.org.OrgRoleRepository;
import io.latchkey.core.support.JsonText;
import io.latchkey.core.support.Require;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link OrgRoleRepository} over {@code org_roles}; permissions are stored as their wire names. */
public final class JdbcOrgRoleRepository implements OrgRoleRepository {
    static final String COLUMNS = "org_id, slug, id, name, description, permissions_json, created_at, updated_at";
    static final String INSERT = "INSERT INTO org_roles (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String SELECT = "SELECT " + COLUMNS + " FROM org_roles WHERE org_id = ? AND slug = ?";
    static final String SELECT_BY_ORG = "SELECT " + COLUMNS + " FROM org_roles WHERE org_id = ? ORDER BY slug";
    static final String DELETE = "DELETE FROM org_roles WHERE org_id = ? AND slug = ?";

    private static final RowMapper<OrgRole> ROLE = rs -> new OrgRole(rs.getString("id"), rs.getString("org_id"),
            rs.getString("slug"), rs.getString("name"), rs.getString("description"),
            JsonText.parseStringList(rs.getString("permissions_json")).stream()
                    .map(p -> OrgPermission.fromWire(p, "permissions")).collect(Collectors.toSet()),
            JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));

    private final JdbcDatabase db;

    public JdbcOrgRoleRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public boolean insert(OrgRole r) {
        List<String> permissions = r.permissions().stream().map(OrgPermission::wire).sorted().toList();
        return db.update(INSERT, r.orgId(), r.slug(), r.id(), r.name(), JdbcDatabase.str(r.description()),
                JsonText.write(permissions), r.createdAt(), r.updatedAt()) == 1;
    }

    @Override
    public Optional<OrgRole> find(String orgId, String slug) {
        return db.queryOne(SELECT, ROLE, orgId, slug);
    }

    @Override
    public List<OrgRole> findByOrg(String orgId) {
        return db.query(SELECT_BY_ORG, ROLE, orgId);
    }

    @Override
    public boolean delete(String orgId, String slug) {
        return db.update(DELETE, orgId, slug) == 1;
    }
}
