package io.latchkey.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A freshly migrated database for one contract test: a uniquely named in-memory H2 database, or a uniquely
 * named schema in the PostgreSQL test database (which must be reachable: the test fails, it never skips).
 */
final class StoreFixture implements AutoCloseable {
    static final String PG_URL = System.getProperty("latchkey.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    final Dialect dialect;
    final HikariDataSource dataSource;
    final JdbcDatabase db;
    private final String schema;

    private StoreFixture(Dialect dialect, HikariDataSource ds, String schema) {
        this.dialect = dialect;
        this.dataSource = ds;
        this.schema = schema;
        this.db = new JdbcDatabase(ds, dialect);
    }

    static StoreFixture open(Dialect dialect) {
        String name = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        HikariDataSource ds;
        String schema = null;
        if (dialect == Dialect.H2) {
            ds = JdbcStores.pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, null, 8, name);
        } else {
            schema = name;
            try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL unreachable at " + PG_URL + ": " + e.getMessage(), e);
            }
            ds = JdbcStores.pool(PG_URL + "&currentSchema=" + schema, null, null, 8, name);
        }
        JdbcStores.migrate(ds);
        return new StoreFixture(dialect, ds, schema);
    }

    @Override
    public void close() {
        dataSource.close();
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException ignored) {
                // Unique names: a leftover schema does not disturb later runs.
            }
        }
    }
}
