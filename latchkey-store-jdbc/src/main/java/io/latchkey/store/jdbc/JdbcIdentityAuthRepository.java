package io.latchkey.store.jdbc;

import io.latchkey.core.identity.AccessTokenSettings;
import io.latchkey.core.identity.BoundClaims;
import io.latchkey.core.identity.ClientSecret;
import io.latchkey.core.identity.ClientSecretUse;
import io.latchkey.core.identity.ExternalJwtAuthConfig;
import io.latchkey.core.identity.ExternalKeySource;
import io.latchkey.core.identity.IdentityAuthRepository;
import io.latchkey.core.identity.Lockout;
import io.latchkey.core.identity.TrustedIps;
import io.latchkey.core.identity.UniversalAuthConfig;
import io.latchkey.core.support.JsonText;
import io.latchkey.core.support.Require;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IdentityAuthRepository} over {@code identity_universal_auth}, {@code identity_client_secrets} and
 * {@code identity_external_jwt_auth}. Client secrets are stored as keyed hashes only.
 */
public final class JdbcIdentityAuthRepository implements IdentityAuthRepository {
    static final String UA_COLUMNS = "identity_id, id, client_id, access_token_ttl, access_token_max_ttl, "
            + "access_token_num_uses_limit, access_token_period, access_token_trusted_ips_json, client_secret_trusted_ips_json, "
            + "lockout_enabled, lockout_threshold, lockout_duration_seconds, lockout_counter_reset_seconds, created_at, updated_at";
    static final String INSERT_UA = "INSERT INTO identity_universal_auth (" + UA_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String SELECT_UA = "SELECT " + UA_COLUMNS + " FROM identity_universal_auth WHERE identity_id = ?";
    static final String SELECT_UA_BY_CLIENT = "SELECT " + UA_COLUMNS + " FROM identity_universal_auth WHERE client_id = ?";
    static final String UPDATE_UA = "UPDATE identity_universal_auth SET access_token_ttl = ?, access_token_max_ttl = ?, "
            + "access_token_num_uses_limit = ?, access_token_period = ?, access_token_trusted_ips_json = ?, "
            + "client_secret_trusted_ips_json = ?, lockout_enabled = ?, lockout_threshold = ?, lockout_duration_seconds = ?, "
            + "lockout_counter_reset_seconds = ?, updated_at = ? WHERE identity_id = ?";
    static final String DELETE_UA = "DELETE FROM identity_universal_auth WHERE identity_id = ?";

    static final String CS_COLUMNS = "id, identity_id, description, secret_prefix, secret_hash, num_uses, num_uses_limit, "
            + "ttl_seconds, revoked, created_at, updated_at";
    static final String INSERT_CS = "INSERT INTO identity_client_secrets (" + CS_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_CS = "SELECT " + CS_COLUMNS + " FROM identity_client_secrets WHERE identity_id = ? AND id = ?";
    static final String SELECT_CS_BY_HASH = "SELECT " + CS_COLUMNS + " FROM identity_client_secrets WHERE secret_hash = ?";
    static final String SELECT_CSS = "SELECT " + CS_COLUMNS + " FROM identity_client_secrets WHERE identity_id = ? "
            + "ORDER BY created_at DESC, id";
    static final String REVOKE_CS = "UPDATE identity_client_secrets SET revoked = TRUE, updated_at = ? WHERE identity_id = ? AND id = ?";
    static final String DELETE_CSS = "DELETE FROM identity_client_secrets WHERE identity_id = ?";
    // INVARIANT: one statement counts and refuses, so a secret limited to n logins allows n across all nodes.
    static final String CONSUME_CS = "UPDATE identity_client_secrets SET num_uses = num_uses + 1, updated_at = ? WHERE id = ? "
            + "AND revoked = FALSE AND (num_uses_limit = 0 OR num_uses < num_uses_limit)";
    /** {@link #CONSUME_CS} for n uses at once (n first and last): all of them or none. */
    static final String CONSUME_CS_MANY = "UPDATE identity_client_secrets SET num_uses = num_uses + ?, updated_at = ? WHERE id = ? "
            + "AND revoked = FALSE AND (num_uses_limit = 0 OR num_uses + ? <= num_uses_limit)";

    static final String JWT_COLUMNS = "identity_id, method, id, key_source, key_material_json, bound_issuer, bound_audiences_json, "
            + "bound_subject, bound_claims_json, claim_metadata_json, access_token_ttl, access_token_max_ttl, "
            + "access_token_num_uses_limit, access_token_period, access_token_trusted_ips_json, created_at, updated_at";
    static final String INSERT_JWT = "INSERT INTO identity_external_jwt_auth (" + JWT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String SELECT_JWT = "SELECT " + JWT_COLUMNS + " FROM identity_external_jwt_auth WHERE identity_id = ? AND method = ?";
    static final String UPDATE_JWT = "UPDATE identity_external_jwt_auth SET key_source = ?, key_material_json = ?, "
            + "bound_issuer = ?, bound_audiences_json = ?, bound_subject = ?, bound_claims_json = ?, claim_metadata_json = ?, "
            + "access_token_ttl = ?, access_token_max_ttl = ?, access_token_num_uses_limit = ?, access_token_period = ?, "
            + "access_token_trusted_ips_json = ?, updated_at = ? WHERE identity_id = ? AND method = ?";
    static final String DELETE_JWT = "DELETE FROM identity_external_jwt_auth WHERE identity_id = ? AND method = ?";

    private static final RowMapper<UniversalAuthConfig> UNIVERSAL_AUTH = JdbcIdentityAuthRepository::universalAuth;
    private static final RowMapper<ClientSecret> CLIENT_SECRET = rs -> new ClientSecret(rs.getString("id"),
            rs.getString("identity_id"), rs.getString("description"), rs.getString("secret_prefix"),
            rs.getString("secret_hash"), rs.getLong("num_uses"), rs.getLong("num_uses_limit"), rs.getLong("ttl_seconds"),
            rs.getBoolean("revoked"), JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));
    private static final RowMapper<ExternalJwtAuthConfig> EXTERNAL_JWT = JdbcIdentityAuthRepository::externalJwt;

    private final JdbcDatabase db;

    public JdbcIdentityAuthRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public boolean insertUniversalAuth(UniversalAuthConfig c) {
        AccessTokenSettings t = c.tokens();
        Lockout l = c.lockout();
        return db.update(INSERT_UA, c.identityId(), c.id(), c.clientId(), t.ttl(), t.maxTtl(), t.numUsesLimit(), t.period(),
                JsonText.write(t.trustedIps().texts()), JsonText.write(c.clientSecretTrustedIps().texts()), l.enabled(),
                l.threshold(), l.durationSeconds(), l.counterResetSeconds(), c.createdAt(), c.updatedAt()) == 1;
    }

    @Override
    public Optional<UniversalAuthConfig> findUniversalAuth(String identityId) {
        return db.queryOne(SELECT_UA, UNIVERSAL_AUTH, identityId);
    }

    @Override
    public Optional<UniversalAuthConfig> findUniversalAuthByClientId(String clientId) {
        return db.queryOne(SELECT_UA_BY_CLIENT, UNIVERSAL_AUTH, clientId);
    }

    @Override
    public boolean updateUniversalAuth(UniversalAuthConfig c) {
        AccessTokenSettings t = c.tokens();
        Lockout l = c.lockout();
        return db.update(UPDATE_UA, t.ttl(), t.maxTtl(), t.numUsesLimit(), t.period(), JsonText.write(t.trustedIps().texts()),
                JsonText.write(c.clientSecretTrustedIps().texts()), l.enabled(), l.threshold(), l.durationSeconds(),
                l.counterResetSeconds(), c.updatedAt(), c.identityId()) == 1;
    }

    @Override
    public boolean deleteUniversalAuth(String identityId) {
        db.update(DELETE_CSS, identityId);
        return db.update(DELETE_UA, identityId) == 1;
    }

    @Override
    public void insertClientSecret(ClientSecret s) {
        db.update(INSERT_CS, s.id(), s.identityId(), s.description(), s.prefix(), s.secretHash(), s.numUses(),
                s.numUsesLimit(), s.ttlSeconds(), s.revoked(), s.createdAt(), s.updatedAt());
    }

    @Override
    public Optional<ClientSecret> findClientSecret(String identityId, String id) {
        return db.queryOne(SELECT_CS, CLIENT_SECRET, identityId, id);
    }

    @Override
    public Optional<ClientSecret> findClientSecretByHash(String secretHash) {
        return db.queryOne(SELECT_CS_BY_HASH, CLIENT_SECRET, secretHash);
    }

    @Override
    public List<ClientSecret> findClientSecrets(String identityId) {
        return db.query(SELECT_CSS, CLIENT_SECRET, identityId);
    }

    @Override
    public boolean revokeClientSecret(String identityId, String id, Instant now) {
        return db.update(REVOKE_CS, now, identityId, id) == 1;
    }

    @Override
    public List<Boolean> consumeClientSecretUses(List<ClientSecretUse> uses) {
        // A batch of logins often uses one secret many times (a fleet sharing a credential): each secret's
        // uses are counted in one statement when its limit allows all of them, the answer counting them one by
        // one would give; otherwise one by one, in order, so that the first ones under the limit count.
        Map<String, List<Integer>> bySecret = new LinkedHashMap<>();
        for (int i = 0; i < uses.size(); i++) {
            bySecret.computeIfAbsent(uses.get(i).secretId(), k -> new ArrayList<>(2)).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(bySecret.values());
        List<Object[]> rows = new ArrayList<>(groups.size());
        for (List<Integer> g : groups) {
            rows.add(new Object[] {g.size(), latest(uses, g), uses.get(g.get(0)).secretId(), g.size()});
        }
        List<Boolean> together = db.batchChanged(CONSUME_CS_MANY, rows);
        Boolean[] counted = new Boolean[uses.size()];
        List<Object[]> oneByOne = new ArrayList<>();
        List<Integer> oneByOneAt = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            for (int i : groups.get(k)) {
                if (together.get(k) || groups.get(k).size() == 1) {
                    counted[i] = together.get(k);
                } else {
                    oneByOne.add(new Object[] {uses.get(i).at(), uses.get(i).secretId()});
                    oneByOneAt.add(i);
                }
            }
        }
        if (!oneByOne.isEmpty()) {
            List<Boolean> each = db.batchChanged(CONSUME_CS, oneByOne);
            for (int j = 0; j < each.size(); j++) {
                counted[oneByOneAt.get(j)] = each.get(j);
            }
        }
        return List.of(counted);
    }

    private static Instant latest(List<ClientSecretUse> uses, List<Integer> group) {
        Instant at = uses.get(group.get(0)).at();
        for (int i : group) {
            if (uses.get(i).at().isAfter(at)) {
                at = uses.get(i).at();
            }
        }
        return at;
    }

    @Override
    public boolean insertExternalJwtAuth(ExternalJwtAuthConfig c) {
        return db.update(INSERT_JWT, concat(new Object[] {c.identityId(), c.method(), c.id()}, externalJwtSettings(c),
                new Object[] {c.createdAt(), c.updatedAt()})) == 1;
    }

    @Override
    public Optional<ExternalJwtAuthConfig> findExternalJwtAuth(String identityId, String method) {
        return db.queryOne(SELECT_JWT, EXTERNAL_JWT, identityId, method);
    }

    @Override
    public boolean updateExternalJwtAuth(ExternalJwtAuthConfig c) {
        return db.update(UPDATE_JWT, concat(externalJwtSettings(c),
                new Object[] {c.updatedAt(), c.identityId(), c.method()})) == 1;
    }

    @Override
    public boolean deleteExternalJwtAuth(String identityId, String method) {
        return db.update(DELETE_JWT, identityId, method) == 1;
    }

    private static Object[] concat(Object[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray();
    }

    /** The columns from key_source through access_token_trusted_ips_json, in {@link #JWT_COLUMNS} order. */
    private static Object[] externalJwtSettings(ExternalJwtAuthConfig c) {
        AccessTokenSettings t = c.tokens();
        BoundClaims b = c.bindings();
        return new Object[] {sourceKind(c.keySource()), JsonText.write(sourceMaterial(c.keySource())),
                JdbcDatabase.str(b.issuer()), JsonText.write(b.audiences()), JdbcDatabase.str(b.subject()),
                JsonText.write(b.claims()), JsonText.write(c.claimMetadataMapping()), t.ttl(), t.maxTtl(), t.numUsesLimit(),
                t.period(), JsonText.write(t.trustedIps().texts())};
    }

    private static String sourceKind(ExternalKeySource s) {
        if (s instanceof ExternalKeySource.StaticKeys) {
            return "static";
        }
        return s instanceof ExternalKeySource.JwksUrl ? "jwks" : "oidc";
    }

    private static List<String> sourceMaterial(ExternalKeySource s) {
        if (s instanceof ExternalKeySource.StaticKeys k) {
            return k.pemKeys();
        }
        return List.of(s instanceof ExternalKeySource.JwksUrl j ? j.url() : ((ExternalKeySource.OidcDiscovery) s).url());
    }

    private static ExternalKeySource source(String kind, List<String> material) {
        return switch (kind) {
            case "static" -> new ExternalKeySource.StaticKeys(material);
            case "jwks" -> new ExternalKeySource.JwksUrl(material.get(0));
            default -> new ExternalKeySource.OidcDiscovery(material.get(0));
        };
    }

    private static AccessTokenSettings tokenSettings(ResultSet rs) throws SQLException {
        return new AccessTokenSettings(rs.getLong("access_token_ttl"), rs.getLong("access_token_max_ttl"),
                rs.getLong("access_token_num_uses_limit"), rs.getLong("access_token_period"),
                TrustedIps.parse(JsonText.parseStringList(rs.getString("access_token_trusted_ips_json")), "accessTokenTrustedIps"));
    }

    private static UniversalAuthConfig universalAuth(ResultSet rs) throws SQLException {
        return UniversalAuthConfig.builder().identityId(rs.getString("identity_id")).id(rs.getString("id"))
                .clientId(rs.getString("client_id")).tokens(tokenSettings(rs))
                .clientSecretTrustedIps(TrustedIps.parse(JsonText.parseStringList(
                        rs.getString("client_secret_trusted_ips_json")), "clientSecretTrustedIps"))
                .lockout(new Lockout(rs.getBoolean("lockout_enabled"), rs.getInt("lockout_threshold"),
                        rs.getInt("lockout_duration_seconds"), rs.getInt("lockout_counter_reset_seconds")))
                .createdAt(JdbcDatabase.instant(rs, "created_at")).updatedAt(JdbcDatabase.instant(rs, "updated_at")).build();
    }

    @SuppressWarnings("unchecked")
    private static ExternalJwtAuthConfig externalJwt(ResultSet rs) throws SQLException {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        ((Map<String, Object>) JsonText.parse(rs.getString("bound_claims_json")))
                .forEach((k, v) -> claims.put(k, ((List<Object>) v).stream().map(String::valueOf).toList()));
        BoundClaims bindings = new BoundClaims(rs.getString("bound_issuer"),
                JsonText.parseStringList(rs.getString("bound_audiences_json")), rs.getString("bound_subject"), claims);
        return ExternalJwtAuthConfig.builder().identityId(rs.getString("identity_id")).method(rs.getString("method"))
                .id(rs.getString("id"))
                .keySource(source(rs.getString("key_source"), JsonText.parseStringList(rs.getString("key_material_json"))))
                .bindings(bindings).claimMetadataMapping(JsonText.parseStringMap(rs.getString("claim_metadata_json")))
                .tokens(tokenSettings(rs)).createdAt(JdbcDatabase.instant(rs, "created_at"))
                .updatedAt(JdbcDatabase.instant(rs, "updated_at")).build();
    }
}
