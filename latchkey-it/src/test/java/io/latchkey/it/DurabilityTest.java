package io.latchkey.it;

import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DurabilityTest {

    @Test
    void restartWhenDataWrittenThenEveryRowAndKeyKept() {
        try (TestServer s = TestServer.start()) {
            String admin = s.bootstrap().text("identity.credentials.token");
            String owner = s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            assertThat(s.post("/iam/v1/users", owner, Map.of("email", "kept@example.com", "password", "kept password")).status())
                    .isEqualTo(200);
            String jwksBefore = s.get("/iam/.well-known/jwks.json", null).body();

            s.restart();

            assertThat(s.get("/iam/.well-known/jwks.json", null).body()).isEqualTo(jwksBefore);
            assertThat(s.get("/readyz", null).status()).isEqualTo(200);
            assertThat(s.login("kept@example.com", "kept password")).isNotBlank();
            // Tokens minted before the restart still verify: the key ring survived.
            assertThat(s.get("/iam/v1/users", owner).status()).isEqualTo(200);
            assertThat(s.get("/iam/v1/audit", admin).status()).isEqualTo(200);
            TestResponse again = s.post("/api/v1/admin/bootstrap", null,
                    Map.of("email", "x@example.com", "password", "another password", "organization", "Other"));
            assertThat(again.status()).isEqualTo(400);
            assertThat(s.get("/iam/v1/audit/verify", admin).json().get("valid").asBoolean()).isTrue();
        }
    }
}
