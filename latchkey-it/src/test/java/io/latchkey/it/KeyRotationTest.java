package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRotationTest {

    @Test
    void rotateWhenAdminThenPrePublishedKeySignsAndOldKeyStaysPublished() {
        try (TestServer s = TestServer.start()) {
            String admin = s.bootstrap().text("identity.credentials.token");
            String userBefore = s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            List<String> before = kids(s);
            String activeBefore = before.get(0);

            TestResponse rotated = s.post("/iam/v1/admin/keys/rotate", admin, Map.of("algorithm", "ES256"));
            assertThat(rotated.status()).isEqualTo(200);

            List<String> after = kids(s);
            assertThat(after.get(0)).isNotEqualTo(activeBefore);
            assertThat(before).as("the new signing key was published before it signed").contains(after.get(0));
            assertThat(after).as("the retired key stays published").contains(activeBefore);
            assertThat(s.get("/iam/v1/users", userBefore).status()).as("old tokens still verify").isEqualTo(200);

            String userAfter = s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            String header = new String(java.util.Base64.getUrlDecoder().decode(userAfter.substring(0, userAfter.indexOf('.'))));
            assertThat(header).contains(after.get(0));

            JsonNode listed = s.get("/iam/v1/admin/keys", admin).json().get("keys");
            assertThat(listed.toString()).doesNotContain("private");
        }
    }

    @Test
    void rotateWhenNotInstanceAdminThenForbidden() {
        try (TestServer s = TestServer.start()) {
            s.bootstrap();
            String owner = s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            s.post("/iam/v1/users", owner, Map.of("email", "m@example.com", "password", "member password"));
            String member = s.login("m@example.com", "member password");
            assertThat(s.post("/iam/v1/admin/keys/rotate", member, Map.of()).status()).isEqualTo(403);
            assertThat(s.post("/iam/v1/admin/keys/rotate", null, Map.of()).status()).isEqualTo(403);
        }
    }

    private static List<String> kids(TestServer s) {
        List<String> out = new ArrayList<>();
        for (JsonNode k : s.get("/iam/.well-known/jwks.json", null).json().get("keys")) {
            out.add(k.get("kid").asText());
        }
        return out;
    }
}
