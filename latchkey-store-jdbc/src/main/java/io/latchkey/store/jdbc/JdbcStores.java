package io.latchkey.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
     * Makes an H2 commit durable before it returns. By default H2's MVStore writes committed changes to its
     * file from a background thread up to a second later, so a killed process lost transactions whose
     * requests had been answered (found by the crash suite, docs/SECURITY.md "Crash durability"). With a
     * write delay of 0 every commit stores its chunk before returning. The file is not fsynced per commit:
     * a process crash loses nothing, an operating-system crash or power loss can; use PostgreSQL where that
     * matters.
     */
    public static final String H2_DURABLE_COMMITS = ";WRITE_DELAY=0";

    /**
     * H2's page cache, in KiB. By default H2 sizes it from the heap (about 9 MiB of a 144 MiB heap).
     * Every commit puts the pages it wrote into that cache, so under a steady stream of writes (audit
     * events, replay marks, sessions) cached pages lived long enough to be promoted and filled the old
     * generation with dead pages: a full collection every three seconds during the authorization check's
     * load (docs/PERFORMANCE.md, round 4). At 4 MiB they die young (none or one full collection per run);
     * reads of a small working set still hit the cache, and larger ones read from the operating system's
     * file cache.
     */
    public static final String H2_CACHE = ";CACHE_SIZE=4096";

    /**
     * How many parsed statements each H2 connection keeps. H2 parses a statement's SQL again on every
     * {@code prepareStatement} unless it is among the connection's last few (8 by default); a pooled
     * connection serves every repository in turn, so the hot paths' statements (reads of keys, tokens and
     * counters, the audit writer's head lock, insert and update) outnumbered the cache and each was parsed
     * afresh: 1.5 % of the server's CPU in the project-scoped token flow (docs/PERFORMANCE.md, round 9).
     */
    public static final String H2_QUERY_CACHE = ";QUERY_CACHE_SIZE=48";

    /**
     * The settings Latchkey gives an H2 URL, each keyed by the option that, set in the URL already, keeps the
     * operator's choice instead.
     */
    private static final List<Map.Entry<String, String>> H2_DEFAULTS = List.of(
            Map.entry(";MODE=", H2_OPTIONS),
            Map.entry(";WRITE_DELAY=", H2_DURABLE_COMMITS),
            Map.entry(";CACHE_SIZE=", H2_CACHE),
            Map.entry(";QUERY_CACHE_SIZE=", H2_QUERY_CACHE));

    /**
     * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql:...}; H2 URLs get {@link #H2_OPTIONS}
     *        appended unless they already set a MODE, {@link #H2_DURABLE_COMMITS} unless they set a
     *        WRITE_DELAY, {@link #H2_CACHE} unless they set a CACHE_SIZE and {@link #H2_QUERY_CACHE} unless they set
     *        a QUERY_CACHE_SIZE
     */
    public static HikariDataSource pool(String jdbcUrl, String user, String password, int maxPoolSize, String poolName) {
        String url = Dialect.fromUrl(jdbcUrl) == Dialect.H2 ? withH2Defaults(jdbcUrl) : jdbcUrl;
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

    /** {@code url} with each of {@link #H2_DEFAULTS} that it does not set itself appended. */
    static String withH2Defaults(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(url);
        for (Map.Entry<String, String> d : H2_DEFAULTS) {
            if (!upper.contains(d.getKey())) {
                b.append(d.getValue());
            }
        }
        return b.toString();
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
