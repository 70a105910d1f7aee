package io.latchkey.store.jdbc;

import io.latchkey.core.identity.IdentityAccessToken;
import io.latchkey.core.identity.IdentityRepository;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.identity.TokenAuthConfig;
import io.latchkey.core.support.JsonText;
import io.latchkey.core.support.Require;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link IdentityRepository} over {@code identities}, {@code identity_token_auth} and {@code identity_access_tokens}. */
public final class JdbcIdentityRepository implements IdentityRepository {
    static final String COLUMNS = "id, org_id, name, instance_admin, metadata_json, created_at, updated_at";
    static final String INSERT = "INSERT INTO identities (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM identities WHERE id = ?";
    static final String SELECT_BY_ORG = "SELECT " + COLUMNS + " FROM identities WHERE org_id = ? ORDER BY created_at, id";
    static final String SEARCH = "SELECT " + COLUMNS + " FROM identities WHERE org_id = ? AND LOWER(name) LIKE ? ESCAPE '\\' "
            + "ORDER BY name, id LIMIT ? OFFSET ?";
    static final String COUNT = "SELECT COUNT(*) FROM identities WHERE org_id = ? AND LOWER(name) LIKE ? ESCAPE '\\'";
    static final String AUTH_METHODS = "SELECT 'token-auth' AS method FROM identity_token_auth WHERE identity_id = ? "
            + "UNION ALL SELECT 'universal-auth' AS method FROM identity_universal_auth WHERE identity_id = ? "
            + "UNION ALL SELECT method FROM identity_external_jwt_auth WHERE identity_id = ?";
    static final String UPDATE = "UPDATE identities SET name = ?, metadata_json = ?, updated_at = ? WHERE id = ?";
    static final String DELETE = "DELETE FROM identities WHERE id = ?";

    static final String TA_COLUMNS = "identity_id, access_token_ttl, access_token_max_ttl, access_token_num_uses_limit, "
            + "trusted_ips_json, created_at, updated_at";
    static final String INSERT_TA = "INSERT INTO identity_token_auth (" + TA_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_TA_IF_ABSENT = INSERT_TA + " ON CONFLICT DO NOTHING";
    static final String SELECT_TA = "SELECT " + TA_COLUMNS + " FROM identity_token_auth WHERE identity_id = ?";
    static final String UPDATE_TA = "UPDATE identity_token_auth SET access_token_ttl = ?, access_token_max_ttl = ?, "
            + "access_token_num_uses_limit = ?, trusted_ips_json = ?, updated_at = ? WHERE identity_id = ?";
    static final String DELETE_TA = "DELETE FROM identity_token_auth WHERE identity_id = ?";

    static final String AT_COLUMNS = "id, identity_id, auth_method, name, access_token_ttl, access_token_max_ttl, num_uses, "
            + "num_uses_limit, revoked, trusted_ips_json, created_at, updated_at, expires_at, last_renewed_at, "
            + "access_token_period, client_secret_id";
    static final String INSERT_AT = "INSERT INTO identity_access_tokens (" + AT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_AT = "SELECT " + AT_COLUMNS + " FROM identity_access_tokens WHERE id = ?";
    static final String SELECT_ATS = "SELECT " + AT_COLUMNS + " FROM identity_access_tokens WHERE identity_id = ? "
            + "AND auth_method = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?";
    static final String SELECT_LIVE_ATS = "SELECT " + AT_COLUMNS + " FROM identity_access_tokens WHERE identity_id = ? "
            + "AND (? = '' OR auth_method = ?) AND revoked = FALSE";
    static final String RENEW_AT = "UPDATE identity_access_tokens SET expires_at = ?, last_renewed_at = ?, updated_at = ? "
            + "WHERE id = ?";
    static final String RENAME_AT = "UPDATE identity_access_tokens SET name = ?, updated_at = ? WHERE id = ?";
    static final String REVOKE_AT = "UPDATE identity_access_tokens SET revoked = TRUE, updated_at = ? WHERE id = ? AND revoked = FALSE";
    static final String REVOKE_ATS = "UPDATE identity_access_tokens SET revoked = TRUE, updated_at = ? WHERE identity_id = ? "
            + "AND (? = '' OR auth_method = ?) AND revoked = FALSE";
    // INVARIANT: counting and refusing are one statement, so concurrent requests on any number of nodes
    // can never exceed the limit.
    static final String CONSUME_AT = "UPDATE identity_access_tokens SET num_uses = num_uses + 1 WHERE id = ? "
            + "AND revoked = FALSE AND (num_uses_limit = 0 OR num_uses < num_uses_limit)";

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
    public List<MachineIdentity> search(String orgId, String nameContains, int offset, int limit) {
        return db.query(SEARCH, IDENTITY, orgId, likePattern(nameContains), limit, offset);
    }

    @Override
    public long count(String orgId, String nameContains) {
        return db.queryOne(COUNT, rs -> rs.getLong(1), orgId, likePattern(nameContains)).orElse(0L);
    }

    @Override
    public List<String> authMethodsOf(String identityId) {
        return db.query(AUTH_METHODS, rs -> rs.getString("method"), identityId, identityId, identityId)
                .stream().sorted().toList();
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
        db.update(INSERT_TA, tokenAuthRow(c));
    }

    @Override
    public boolean insertTokenAuthIfAbsent(TokenAuthConfig c) {
        return db.update(INSERT_TA_IF_ABSENT, tokenAuthRow(c)) == 1;
    }

    @Override
    public Optional<TokenAuthConfig> findTokenAuth(String identityId) {
        return db.queryOne(SELECT_TA, TOKEN_AUTH, identityId);
    }

    @Override
    public boolean updateTokenAuth(TokenAuthConfig c) {
        return db.update(UPDATE_TA, c.accessTokenTtl(), c.accessTokenMaxTtl(), c.accessTokenNumUsesLimit(),
                JsonText.write(c.accessTokenTrustedIps()), c.updatedAt(), c.identityId()) == 1;
    }

    @Override
    public boolean deleteTokenAuth(String identityId) {
        return db.update(DELETE_TA, identityId) == 1;
    }

    @Override
    public void insertAccessToken(IdentityAccessToken t) {
        db.update(INSERT_AT, accessTokenRow(t));
    }

    @Override
    public List<Boolean> insertAccessTokens(List<IdentityAccessToken> tokens) {
        List<Object[]> rows = new ArrayList<>(tokens.size());
        for (IdentityAccessToken t : tokens) {
            rows.add(accessTokenRow(t));
        }
        return db.batchChanged(INSERT_AT, rows);
    }

    private static Object[] accessTokenRow(IdentityAccessToken t) {
        return new Object[] {t.id(), t.identityId(), t.authMethod(), JdbcDatabase.str(t.name()), t.accessTokenTtl(),
                t.accessTokenMaxTtl(), t.numUses(), t.numUsesLimit(), t.revoked(), JsonText.write(t.trustedIps()),
                t.createdAt(), t.updatedAt(), JdbcDatabase.ts(t.expiresAt()), JdbcDatabase.ts(t.lastRenewedAt()),
                t.accessTokenPeriod(), JdbcDatabase.str(t.clientSecretId())};
    }

    @Override
    public Optional<IdentityAccessToken> findAccessToken(String id) {
        return db.queryOne(SELECT_AT, ACCESS_TOKEN, id);
    }

    @Override
    public List<IdentityAccessToken> findAccessTokens(String identityId, String authMethod, int offset, int limit) {
        return db.query(SELECT_ATS, ACCESS_TOKEN, identityId, authMethod, limit, offset);
    }

    @Override
    public boolean renewAccessToken(String id, Instant expiresAt, Instant renewedAt) {
        return db.update(RENEW_AT, JdbcDatabase.ts(expiresAt), renewedAt, renewedAt, id) == 1;
    }

    @Override
    public boolean renameAccessToken(String id, String name, Instant now) {
        return db.update(RENAME_AT, JdbcDatabase.str(name), now, id) == 1;
    }

    @Override
    public boolean revokeAccessToken(String id, Instant now) {
        return db.update(REVOKE_AT, now, id) == 1;
    }

    @Override
    public List<IdentityAccessToken> revokeAccessTokens(String identityId, String authMethod, Instant now) {
        String method = authMethod == null ? "" : authMethod;
        List<IdentityAccessToken> live = db.query(SELECT_LIVE_ATS, ACCESS_TOKEN, identityId, method, method);
        db.update(REVOKE_ATS, now, identityId, method, method);
        return live;
    }

    @Override
    public boolean consumeAccessTokenUse(String id) {
        return db.update(CONSUME_AT, id) == 1;
    }

    private static Object[] tokenAuthRow(TokenAuthConfig c) {
        return new Object[] {c.identityId(), c.accessTokenTtl(), c.accessTokenMaxTtl(), c.accessTokenNumUsesLimit(),
                JsonText.write(c.accessTokenTrustedIps()), c.createdAt(), c.updatedAt()};
    }

    /** A LIKE pattern matching names that contain {@code text}, with LIKE's wildcards escaped. */
    static String likePattern(String text) {
        if (text == null || text.isEmpty()) {
            return "%";
        }
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static IdentityAccessToken accessToken(ResultSet rs) throws SQLException {
        return new IdentityAccessToken(rs.getString("id"), rs.getString("identity_id"), rs.getString("auth_method"),
                rs.getString("name"), rs.getLong("access_token_ttl"), rs.getLong("access_token_max_ttl"),
                rs.getLong("num_uses"), rs.getLong("num_uses_limit"), rs.getBoolean("revoked"),
                JsonText.parseStringList(rs.getString("trusted_ips_json")), JdbcDatabase.instant(rs, "created_at"),
                JdbcDatabase.instant(rs, "updated_at"), JdbcDatabase.instant(rs, "expires_at"),
                JdbcDatabase.instant(rs, "last_renewed_at"), rs.getLong("access_token_period"),
                rs.getString("client_secret_id"));
    }
}
