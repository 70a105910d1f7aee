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

/**
 * No password, token, key or secret value may appear in storage or logs: after a bootstrap and a login, and
 * (issue 9, suite 7) after the isolation matrix and the bad-input fuzzer have run against a world holding
 * every credential kind.
 */
class SecretsAtRestTest {

    /**
     * Builds the isolation world (every credential kind of three tenants, secrets, KMS keys, webhooks), runs
     * the isolation matrix and a pass of the bad-input fuzzer over it, then scans every row of the schema,
     * the H2 files, the captured logs and every audit event for each secret the world created.
     */
    @Test
    void storageLogsAndAuditWhenEverySuiteRanThenContainNoCredentialOrSecretValue() throws Exception {
        try (TestServer s = TestServer.start(java.util.Map.of("trusted-proxies", "127.0.0.1"))) {
            IsolationWorld w = new IsolationWorld(s);
            IsolationMatrix matrix = IsolationMatrix.build();
            assertThat(TenantIsolationMatrixTest.run(w, matrix).failures).isEmpty();
            assertThat(BadInputTest.fuzzEveryRoute(w, matrix, 1, BadInputTest.SEED).failures).isEmpty();
            List<String> secrets = new ArrayList<>(w.createdSecrets);
            secrets.add(s.rootKey());
            assertThat(secrets).hasSizeGreaterThan(40).allSatisfy(v -> assertThat(v).hasSizeGreaterThanOrEqualTo(16));

            String audit = auditEvents(s, w.adminA);
            String rows = dumpAllRows(s);
            assertThat(rows).contains(w.v("project")).contains(w.v("secretName")); // the dump covers the data
            assertThat(audit).contains("identity.login"); // and the audit read covers the events
            String logs = s.logs();
            for (String secret : secrets) {
                assertThat(rows).as("a created secret in the database rows").doesNotContain(secret);
                assertThat(audit).as("a created secret in the audit events").doesNotContain(secret);
                assertThat(logs).as("a created secret in the logs").doesNotContain(secret);
            }
            if (s.database().backend() == Backend.H2) {
                s.restart(); // flush H2 pages to disk
                String raw = readFiles(s.database().dataDir());
                for (String secret : secrets) {
                    assertThat(raw).as("a created secret in the H2 files").doesNotContain(secret);
                }
            }
            System.out.printf("secrets at rest: %d secrets scanned in %d KiB of rows, %d KiB of audit events, %d KiB of logs%n",
                    secrets.size(), rows.length() / 1024, audit.length() / 1024, logs.length() / 1024);
        }
    }

    /** Every audit event, page by page, as the instance administrator reads them. */
    static String auditEvents(TestServer s, String admin) {
        StringBuilder sb = new StringBuilder();
        String next = null;
        do {
            io.latchkey.testkit.TestResponse page = s.get("/iam/v1/audit?limit=500"
                    + (next == null ? "" : "&exclusiveStartKey=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)), admin);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            sb.append(page.body()).append('\n');
            com.fasterxml.jackson.databind.JsonNode k = page.json().get("lastEvaluatedKey");
            next = k == null || k.isNull() ? null : k.asText();
        } while (next != null);
        return sb.toString();
    }

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
            // This server's schema only: the PostgreSQL test database is shared with concurrent builds, whose
            // schemas come and go while this runs.
            try (ResultSet t = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
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
