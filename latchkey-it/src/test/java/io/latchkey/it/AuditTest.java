package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTest {

    @Test
    void auditWhenMutationsAndLoginsThenListedAndChainVerifies() {
        try (TestServer s = TestServer.start()) {
            String admin = s.bootstrap().text("identity.credentials.token");
            String owner = s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            s.post("/iam/v1/login", null, Map.of("email", TestServer.OWNER_EMAIL, "password", "not the password"));
            s.post("/iam/v1/users", owner, Map.of("email", "u@example.com", "password", "user password"));

            TestResponse list = s.get("/iam/v1/audit?limit=50", owner);
            assertThat(list.status()).isEqualTo(200);
            List<String> actions = new ArrayList<>();
            for (JsonNode e : list.json().get("events")) {
                actions.add(e.get("action").asText() + ":" + e.get("outcome").asText());
                assertThat(e.get("sourceIp").asText()).isNotBlank();
                assertThat(e.get("requestId").asText()).isNotBlank();
            }
            assertThat(actions).contains("instance.bootstrap:success", "auth.login:success", "auth.login:failure", "user.create:success");
            assertThat(list.body()).doesNotContain("not the password").doesNotContain(TestServer.OWNER_PASSWORD);

            TestResponse failures = s.get("/iam/v1/audit?outcome=failure", owner);
            assertThat(failures.json().get("events")).allSatisfy(e -> assertThat(e.get("outcome").asText()).isEqualTo("failure"));
            assertThat(s.get("/iam/v1/audit?action=auth.*", owner).json().get("events"))
                    .allSatisfy(e -> assertThat(e.get("action").asText()).startsWith("auth."));

            TestResponse verify = s.get("/iam/v1/audit/verify", admin);
            assertThat(verify.json().get("valid").asBoolean()).isTrue();
            assertThat(verify.json().get("eventsChecked").asInt()).isGreaterThanOrEqualTo(4);
            assertThat(s.get("/iam/v1/audit/verify", owner).status()).as("only the instance admin").isIn(200, 403);
        }
    }

    @Test
    void auditVerifyWhenRowAlteredThenReportsThatRow() throws Exception {
        try (TestServer s = TestServer.start()) {
            String admin = s.bootstrap().text("identity.credentials.token");
            s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            s.get("/iam/v1/audit", admin); // flushes queued events
            try (Connection c = s.database().connect(); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE audit_events SET actor_id = 'mallory' WHERE seq = 1")).isEqualTo(1);
            }
            JsonNode v = s.get("/iam/v1/audit/verify", admin).json();
            assertThat(v.get("valid").asBoolean()).isFalse();
            assertThat(v.get("firstBrokenSeq").asLong()).isEqualTo(1);
            assertThat(v.get("problem").asText()).contains("altered");
        }
    }

    @Test
    void auditVerifyWhenLastRowDeletedThenReportsTruncation() throws Exception {
        try (TestServer s = TestServer.start()) {
            String admin = s.bootstrap().text("identity.credentials.token");
            s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            s.get("/iam/v1/audit", admin);
            try (Connection c = s.database().connect(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)");
            }
            JsonNode v = s.get("/iam/v1/audit/verify", admin).json();
            assertThat(v.get("valid").asBoolean()).isFalse();
            assertThat(v.get("problem").asText()).contains("removed");
        }
    }
}
