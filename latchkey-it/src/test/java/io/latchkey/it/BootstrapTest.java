package io.latchkey.it;

import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapTest {

    @Test
    void beforeBootstrapWhenCallingApiThenRefusedAndReadyzSaysWhy() {
        try (TestServer s = TestServer.start()) {
            TestResponse ready = s.get("/readyz", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("not bootstrapped");
            TestResponse login = s.post("/iam/v1/login", null, Map.of("email", "a@b.co", "password", "whatever1"));
            assertThat(login.status()).isEqualTo(503);
            assertThat(login.text("code")).isEqualTo("not_bootstrapped");
            assertThat(s.get("/iam/.well-known/jwks.json", null).status()).isEqualTo(200);
        }
    }

    @Test
    void bootstrapWhenFreshThenCreatesOwnerAndAdminTokenAndSecondIsRefused() {
        try (TestServer s = TestServer.start()) {
            TestResponse r = s.bootstrap();
            assertThat(r.text("user.email")).isEqualTo(TestServer.OWNER_EMAIL);
            assertThat(r.text("user.superAdmin")).isEqualTo("true");
            assertThat(r.text("organization.name")).isEqualTo("Acme");
            assertThat(r.text("organization.slug")).isEqualTo("acme");
            String token = r.text("identity.credentials.token");
            assertThat(token).isNotBlank();
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(s.get("/readyz", null).status()).isEqualTo(200);

            TestResponse again = s.post("/api/v1/admin/bootstrap", null,
                    Map.of("email", "x@example.com", "password", "another password", "organization", "Other"));
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.text("message")).isEqualTo("Instance has already been set up");
            assertThat(again.text("error")).isEqualTo("BadRequest");

            assertThat(s.get("/iam/v1/audit", token).status()).isEqualTo(200);
        }
    }

    @Test
    void bootstrapWhenInputInvalidThenValidationErrorNamingField() {
        try (TestServer s = TestServer.start()) {
            TestResponse r = s.post("/api/v1/admin/bootstrap", null,
                    Map.of("email", "not-an-email", "password", "long enough pw", "organization", "Acme"));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.text("error")).isEqualTo("ValidationFailure");
            assertThat(r.json().get("message").get(0).get("path").get(0).asText()).isEqualTo("email");
            TestResponse shortPw = s.post("/api/v1/admin/bootstrap", null,
                    Map.of("email", "a@example.com", "password", "short", "organization", "Acme"));
            assertThat(shortPw.status()).isEqualTo(422);
            assertThat(shortPw.body()).contains("password");
            // Nothing was half-written: a valid bootstrap still works.
            s.bootstrap();
        }
    }
}
