package io.latchkey.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * Opens a database: builds the connection pool, applies the Flyway migrations and returns the
 * {@link JdbcDatabase} the repositories share.
 *
 * @since 0.1
 */
public final class JdbcStores {
    private JdbcStores() {
    }

    /** H2 URL options that make H2 accept the PostgreSQL syntax the schema and repositories use. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /**
     * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql:...}; H2 URLs get {@link #H2_OPTIONS}
     *        appended unless they already set a MODE
     */
    public static HikariDataSource pool(String jdbcUrl, String user, String password, int maxPoolSize, String poolName) {
        Dialect dialect = Dialect.fromUrl(jdbcUrl);
        String url = jdbcUrl;
        if (dialect == Dialect.H2 && !url.toUpperCase(java.util.Locale.ROOT).contains(";MODE=")) {
            url = url + H2_OPTIONS;
        }
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        if (user != null) {
            c.setUsername(user);
        }
        if (password != null) {
            c.setPassword(password);
        }
        c.setMaximumPoolSize(maxPoolSize);
        c.setMinimumIdle(Math.min(2, maxPoolSize));
        c.setPoolName(poolName);
        c.setConnectionTimeout(10_000);
        c.setInitializationFailTimeout(10_000);
        return new HikariDataSource(c);
    }

    /** Applies pending migrations. Both backends use the same scripts under {@code db/migration}. */
    public static void migrate(javax.sql.DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
