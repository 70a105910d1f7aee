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
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")) {
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
}
