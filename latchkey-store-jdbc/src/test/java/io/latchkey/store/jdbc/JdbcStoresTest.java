package io.latchkey.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcStoresTest {

    private static String writeDelay(HikariDataSource ds) throws Exception {
        return setting(ds, "WRITE_DELAY");
    }

    private static String setting(HikariDataSource ds, String name) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT setting_value FROM information_schema.settings WHERE lower(setting_name) = lower('" + name + "')")) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }

    @Test
    void poolWhenH2FileDatabaseThenCommitsAreWrittenBeforeTheyReturn(@TempDir Path dir) throws Exception {
        try (HikariDataSource ds = JdbcStores.pool("jdbc:h2:file:" + dir.resolve("db"), null, null, 2, "durable")) {
            assertThat(writeDelay(ds)).isEqualTo("0");
        }
    }

    @Test
    void poolWhenOperatorSetsWriteDelayThenTheirsIsKept(@TempDir Path dir) throws Exception {
        try (HikariDataSource ds = JdbcStores.pool("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=250", null, null, 2, "own")) {
            assertThat(writeDelay(ds)).isEqualTo("250");
        }
    }

    @Test
    void poolWhenH2ThenPageCacheIsBoundedUnlessOperatorSetsIt(@TempDir Path dir) throws Exception {
        try (HikariDataSource ds = JdbcStores.pool("jdbc:h2:file:" + dir.resolve("a"), null, null, 2, "cache")) {
            assertThat(setting(ds, "CACHE_SIZE")).isEqualTo("4096");
        }
        try (HikariDataSource ds = JdbcStores.pool("jdbc:h2:file:" + dir.resolve("b") + ";CACHE_SIZE=32768", null, null, 2, "own")) {
            assertThat(setting(ds, "CACHE_SIZE")).isEqualTo("32768");
        }
    }
}
