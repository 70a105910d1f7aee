package io.latchkey.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, isolated database for one test server: an H2 file database in a temporary folder, or a
 * uniquely named schema in the PostgreSQL test database (dropped on {@link #drop()}).
 *
 * <p>PostgreSQL must be reachable when it is the selected backend: the tests fail loudly, they never skip.
 *
 * @since 0.1
 */
public final class TestDatabase {
    private final Backend backend;
    private final Path dataDir;
    private final String schema;
    private final String jdbcUrl;

    private TestDatabase(Backend backend, Path dataDir, String schema, String jdbcUrl) {
        this.backend = backend;
        this.dataDir = dataDir;
        this.schema = schema;
        this.jdbcUrl = jdbcUrl;
    }

    public static TestDatabase create(Backend backend) {
        try {
            Path dir = Files.createTempDirectory("latchkey-test-");
            if (backend == Backend.H2) {
                return new TestDatabase(backend, dir, null, "jdbc:h2:file:" + dir.resolve("latchkey"));
            }
            String schema = "lk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            String base = Backend.postgresUrl();
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL test backend unreachable at " + base
                        + " (" + e.getMessage() + "). Start PostgreSQL or run with -Dlatchkey.test.backend=h2.", e);
            }
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new TestDatabase(backend, dir, schema, url);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Backend backend() {
        return backend;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A plain JDBC connection to this database (for tests that inspect or tamper with rows). */
    public Connection connect() throws SQLException {
        if (backend == Backend.H2) {
            return DriverManager.getConnection(jdbcUrl + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        return DriverManager.getConnection(jdbcUrl);
    }

    /** Removes the schema or the folder. */
    public void drop() {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(Backend.postgresUrl()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                // Leave it; a later run is unaffected because every schema name is unique.
            }
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Temporary folder; the OS cleans it eventually.
        }
    }
}
