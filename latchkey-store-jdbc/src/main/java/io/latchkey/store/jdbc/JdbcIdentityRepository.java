package io.latchkey.store.jdbc;

import io.latchkey.core.identity.IdentityAccessToken;
import io.latchkey.core.identity.IdentityRepository;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.identity.TokenAuthConfig;
import io.latchkey.core.support.JsonText;
import io.latchkey.core.support.Require;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link IdentityRepository} over {@code identities}, {@code identity_token_auth} and {@code identity_access_tokens}. */
public final class JdbcIdentityRepository implements IdentityRepository {
    static final String COLUMNS = "id, org_id, name, instance_admin, metadata_json, created_at, updated_at";
    static final String INSERT = "INSERT INTO identities (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM identities WHERE id = ?";
    static final String SELECT_BY_ORG = "SELECT " + COLUMNS + " FROM identities WHERE org_id = ? ORDER BY created_at, id";
    static final String UPDATE = "UPDATE identities SET name = ?, metadata_json = ?, updated_at = ? WHERE id = ?";
    static final String DELETE = "DELETE FROM identities WHERE id = ?";

    static final String TA_COLUMNS = "identity_id, access_token_ttl, access_token_max_ttl, access_token_num_uses_limit, "
            + "trusted_ips_json, created_at, updated_at";
    static final String INSERT_TA = "INSERT INTO identity_token_auth (" + TA_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_TA = "SELECT " + TA_COLUMNS + " FROM identity_token_auth WHERE identity_id = ?";

    static final String AT_COLUMNS = "id, identity_id, auth_method, name, access_token_ttl, access_token_max_ttl, num_uses, "
            + "num_uses_limit, revoked, trusted_ips_json, created_at, updated_at, expires_at, last_renewed_at";
    static final String INSERT_AT = "INSERT INTO identity_access_tokens (" + AT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_AT = "SELECT " + AT_COLUMNS + " FROM identity_access_tokens WHERE id = ?";

    private static final RowMapper<MachineIdentity> IDENTITY = rs -> new MachineIdentity(rs.getString("id"),
            rs.getString("org_id"), rs.getString("name"), rs.getBoolean("instance_admin"),
            JsonText.parseStringMap(rs.getString("metadata_json")), JdbcDatabase.instant(rs, "created_at"),
            JdbcDatabase.instant(rs, "updated_at"));
    private static final RowMapper<TokenAuthConfig> TOKEN_AUTH = rs -> new TokenAuthConfig(rs.getString("identity_id"),
            rs.getLong("access_token_ttl"), rs.getLong("access_token_max_ttl"), rs.getLong("access_token_num_uses_limit"),
            JsonText.parseStringList(rs.getString("trusted_ips_json")), JdbcDatabase.instant(rs, "created_at"),
            JdbcDatabase.instant(rs, "updated_at"));
    private static final RowMapper<IdentityAccessToken> ACCESS_TOKEN = JdbcIdentityRepository::accessToken;

    private final JdbcDatabase db;

    public JdbcIdentityRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public void insert(MachineIdentity i) {
        db.update(INSERT, i.id(), i.orgId(), i.name(), i.instanceAdmin(), JsonText.write(i.metadata()), i.createdAt(), i.updatedAt());
    }

    @Override
    public Optional<MachineIdentity> findById(String id) {
        return db.queryOne(SELECT_BY_ID, IDENTITY, id);
    }

    @Override
    public List<MachineIdentity> findByOrg(String orgId) {
        return db.query(SELECT_BY_ORG, IDENTITY, orgId);
    }

    @Override
    public boolean update(MachineIdentity i) {
        return db.update(UPDATE, i.name(), JsonText.write(i.metadata()), i.updatedAt(), i.id()) == 1;
    }

    @Override
    public boolean delete(String id) {
        return db.update(DELETE, id) == 1;
    }

    @Override
    public void insertTokenAuth(TokenAuthConfig c) {
        db.update(INSERT_TA, c.identityId(), c.accessTokenTtl(), c.accessTokenMaxTtl(), c.accessTokenNumUsesLimit(),
                JsonText.write(c.accessTokenTrustedIps()), c.createdAt(), c.updatedAt());
    }

    @Override
    public Optional<TokenAuthConfig> findTokenAuth(String identityId) {
        return db.queryOne(SELECT_TA, TOKEN_AUTH, identityId);
    }

    @Override
    public void insertAccessToken(IdentityAccessToken t) {
        db.update(INSERT_AT, t.id(), t.identityId(), t.authMethod(), JdbcDatabase.str(t.name()), t.accessTokenTtl(),
                t.accessTokenMaxTtl(), t.numUses(), t.numUsesLimit(), t.revoked(), JsonText.write(t.trustedIps()),
                t.createdAt(), t.updatedAt(), JdbcDatabase.ts(t.expiresAt()), JdbcDatabase.ts(t.lastRenewedAt()));
    }

    @Override
    public Optional<IdentityAccessToken> findAccessToken(String id) {
        return db.queryOne(SELECT_AT, ACCESS_TOKEN, id);
    }

    private static IdentityAccessToken accessToken(ResultSet rs) throws SQLException {
        return new IdentityAccessToken(rs.getString("id"), rs.getString("identity_id"), rs.getString("auth_method"),
                rs.getString("name"), rs.getLong("access_token_ttl"), rs.getLong("access_token_max_ttl"),
                rs.getLong("num_uses"), rs.getLong("num_uses_limit"), rs.getBoolean("revoked"),
                JsonText.parseStringList(rs.getString("trusted_ips_json")), JdbcDatabase.instant(rs, "created_at"),
                JdbcDatabase.instant(rs, "updated_at"), JdbcDatabase.instant(rs, "expires_at"),
                JdbcDatabase.instant(rs, "last_renewed_at"));
    }
}
