package io.latchkey.it;

import io.latchkey.testkit.Backend;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** After a bootstrap and a login, no password, token or root key may appear in storage or logs. */
class SecretsAtRestTest {

    @Test
    void storageAndLogsWhenBootstrappedAndLoggedInThenContainNoSecret() throws Exception {
        try (TestServer s = TestServer.start()) {
            String adminToken = s.bootstrap().text("identity.credentials.token");
            String userToken = s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            s.get("/iam/v1/audit", adminToken);
            List<String> secrets = List.of(TestServer.OWNER_PASSWORD, adminToken, userToken, s.rootKey(),
                    signature(adminToken), signature(userToken));

            String rows = dumpAllRows(s);
            assertThat(rows).contains(TestServer.OWNER_EMAIL); // the dump really covers the data
            for (String secret : secrets) {
                assertThat(rows).doesNotContain(secret);
                assertThat(s.logs()).doesNotContain(secret);
            }
            if (s.database().backend() == Backend.H2) {
                s.restart(); // flush H2 pages to disk
                String raw = readFiles(s.database().dataDir());
                for (String secret : secrets) {
                    assertThat(raw).doesNotContain(secret);
                }
            }
        }
    }

    static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }

    static String dumpAllRows(TestServer s) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = s.database().connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    String schema = t.getString("TABLE_SCHEM");
                    if (schema != null && (schema.equalsIgnoreCase("information_schema") || schema.startsWith("pg_"))) {
                        continue;
                    }
                    tables.add((schema == null ? "" : schema + ".") + t.getString("TABLE_NAME"));
                }
            }
            try (Statement st = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                Object v = rs.getObject(i);
                                sb.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v)).append('|');
                            }
                            sb.append('\n');
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    static String readFiles(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("root.key")).toList()) {
                sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }
}
