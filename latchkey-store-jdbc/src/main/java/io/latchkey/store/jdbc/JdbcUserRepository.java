package io.latchkey.store.jdbc;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.user.User;
import io.latchkey.core.user.UserRepository;
import io.latchkey.core.user.UserStatus;

import java.util.List;
import java.util.Optional;

/** {@link UserRepository} over {@code users}. */
public final class JdbcUserRepository implements UserRepository {
    static final String COLUMNS = "id, email, display_name, password_hash, status, super_admin, created_at, updated_at";
    static final String INSERT = "INSERT INTO users (id, email, email_normalized, display_name, password_hash, status, "
            + "super_admin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = ?";
    static final String SELECT_BY_EMAIL = "SELECT " + COLUMNS + " FROM users WHERE email_normalized = ?";
    static final String UPDATE = "UPDATE users SET display_name = ?, password_hash = ?, status = ?, updated_at = ? WHERE id = ?";
    static final String SELECT_BY_ORG = "SELECT u.id, u.email, u.display_name, u.password_hash, u.status, u.super_admin, "
            + "u.created_at, u.updated_at FROM users u JOIN org_memberships m ON m.member_id = u.id AND m.member_type = 'user' "
            + "WHERE m.org_id = ? AND u.id > ? ORDER BY u.id LIMIT ?";

    private static final RowMapper<User> USER = rs -> new User(rs.getString("id"), rs.getString("email"),
            rs.getString("display_name"), rs.getString("password_hash"), UserStatus.valueOf(rs.getString("status")),
            rs.getBoolean("super_admin"), JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));

    private final JdbcDatabase db;

    public JdbcUserRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public void insert(User u) {
        try {
            db.update(INSERT, u.id(), u.email(), Validate.normalizeEmail(u.email()), JdbcDatabase.str(u.displayName()),
                    u.passwordHash(), u.status().name(), u.superAdmin(), u.createdAt(), u.updatedAt());
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "email", "a user with this email already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<User> findById(String id) {
        return db.queryOne(SELECT_BY_ID, USER, id);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return db.queryOne(SELECT_BY_EMAIL, USER, Validate.normalizeEmail(email));
    }

    @Override
    public boolean update(User u) {
        return db.update(UPDATE, JdbcDatabase.str(u.displayName()), u.passwordHash(), u.status().name(), u.updatedAt(), u.id()) == 1;
    }

    @Override
    public List<User> findByOrg(String orgId, String afterId, int limit) {
        return db.query(SELECT_BY_ORG, USER, orgId, afterId == null ? "" : afterId, limit);
    }
}
