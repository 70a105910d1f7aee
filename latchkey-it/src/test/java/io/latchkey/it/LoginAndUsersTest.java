package io.latchkey.it;

import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAndUsersTest {
    static TestServer server;
    static String ownerToken;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.bootstrap();
        ownerToken = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginWhenCorrectThenUserTokenUsableOnUserEndpoints() {
        TestResponse r = server.post("/iam/v1/login", null, Map.of("email", "OWNER@example.com ", "password", TestServer.OWNER_PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("tokenType")).isEqualTo("Bearer");
        assertThat(r.json().get("expiresIn").asInt()).isEqualTo(3600);
        // The IAM dialect's generated client sends the raw token without "Bearer ".
        TestResponse users = server.send(server.request("/iam/v1/users", null)
                .header("authorization", r.text("accessToken")).GET().build());
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().get("users").get(0).get("email").asText()).isEqualTo(TestServer.OWNER_EMAIL);
        assertThat(users.body()).doesNotContain("argon2");
    }

    @Test
    void loginWhenWrongPasswordOrUnknownUserThenSameUnauthorizedError() {
        TestResponse wrong = server.post("/iam/v1/login", null, Map.of("email", "nobody@example.com", "password", "wrong password"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text("name")).isEqualTo("UnauthorizedError");
        assertThat(wrong.text("code")).isEqualTo("credentials_invalid");
    }

    @Test
    void loginWhenRepeatedFailuresThenLockedOutWith429AndRetryAfter() {
        createUser("locked@example.com", "a good password", "member");
        for (int i = 0; i < 5; i++) {
            assertThat(server.post("/iam/v1/login", null, Map.of("email", "locked@example.com", "password", "bad password " + i))
                    .status()).isEqualTo(403);
        }
        TestResponse locked = server.post("/iam/v1/login", null, Map.of("email", "locked@example.com", "password", "a good password"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isPositive();
        assertThat(locked.text("code")).isEqualTo("account_locked");
    }

    @Test
    void createUserWhenOwnerThenNewUserCanLogInAndMemberCannotCreate() {
        TestResponse created = createUser("member@example.com", "member password", "member");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text("id")).isNotBlank();
        String memberToken = server.login("member@example.com", "member password");
        TestResponse forbidden = server.post("/iam/v1/users", memberToken,
                Map.of("email", "other@example.com", "password", "other password"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("name")).isEqualTo("ActionForbiddenError");
        assertThat(server.get("/iam/v1/users/" + created.text("id"), memberToken).status()).isEqualTo(200);
    }

    @Test
    void createUserWhenEmailTakenThenRejectedNamingEmail() {
        createUser("dup@example.com", "first password", null);
        TestResponse dup = createUser("DUP@example.com", "second password", null);
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.text("code")).isEqualTo("already_exists");
        assertThat(dup.json().get("details").get(0).get("field").asText()).isEqualTo("email");
    }

    @Test
    void usersListWhenPagedThenEveryUserOnceAndCursorOpaque() {
        for (int i = 0; i < 3; i++) {
            createUser("page" + i + "@example.com", "page password " + i, null);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            TestResponse page = server.get("/iam/v1/users?limit=1" + (cursor == null ? "" : "&exclusiveStartKey=" + cursor), ownerToken);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("users").size()).isEqualTo(1);
            assertThat(seen.add(page.json().get("users").get(0).get("id").asText())).isTrue();
            cursor = page.text("lastEvaluatedKey");
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(4);
        assertThat(server.get("/iam/v1/users?exclusiveStartKey=bogus!", ownerToken).status()).isEqualTo(400);
    }

    @Test
    void userEndpointsWhenNoOrTamperedTokenThenUnauthorized() {
        assertThat(server.get("/iam/v1/users", null).text("name")).isEqualTo("UnauthorizedError");
        String tampered = ownerToken.substring(0, ownerToken.length() - 4) + (ownerToken.endsWith("AAAA") ? "BBBB" : "AAAA");
        TestResponse r = server.get("/iam/v1/users", tampered);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text("code")).isEqualTo("token_invalid");
    }

    @Test
    void logoutWhenCalledThenThatTokenIsRevokedAndOthersStayValid() {
        String first = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        String second = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        assertThat(server.post("/iam/v1/logout", first, Map.of()).status()).isEqualTo(204);
        TestResponse after = server.get("/iam/v1/users", first);
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.text("code")).isEqualTo("token_revoked");
        assertThat(server.get("/iam/v1/users", second).status()).isEqualTo(200);
    }

    private static TestResponse createUser(String email, String password, String role) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", email, "password", password));
        if (role != null) {
            body.put("role", role);
        }
        return server.post("/iam/v1/users", ownerToken, body);
    }
}
