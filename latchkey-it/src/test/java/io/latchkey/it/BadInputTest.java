package io.latchkey.it;

import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BadInputTest {
    static TestServer server;
    static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.bootstrap();
        owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestResponse postUsers(String body) {
        return server.raw("POST", "/iam/v1/users", owner, "application/json", body);
    }

    @Test
    void malformedJsonWhenPostedThen400() {
        TestResponse r = postUsers("{\"email\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("code")).isEqualTo("malformed_json");
    }

    @Test
    void unknownMemberWhenPostedToNativeApiThen400NamingIt() {
        TestResponse r = postUsers("{\"email\":\"a@example.com\",\"password\":\"long password\",\"admin\":true}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("code")).isEqualTo("unknown_field");
        assertThat(r.json().get("details").get(0).get("field").asText()).isEqualTo("admin");
    }

    @Test
    void wrongTypeWhenPostedThen400NamingField() {
        TestResponse r = postUsers("{\"email\":42,\"password\":\"long password\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("details").get(0).get("field").asText()).isEqualTo("email");
    }

    @Test
    void duplicateKeysWhenPostedThen400() {
        TestResponse r = postUsers("{\"email\":\"a@example.com\",\"email\":\"b@example.com\",\"password\":\"long password\"}");
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void deepNestingWhenPostedThen400() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        TestResponse r = postUsers("{\"email\":" + deep + "}");
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void emptyBodyAndNonObjectBodyWhenPostedThen400() {
        assertThat(postUsers("").status()).isEqualTo(400);
        assertThat(postUsers("[1,2]").status()).isEqualTo(400);
        assertThat(postUsers("null").status()).isEqualTo(400);
    }

    @Test
    void oversizedBodyWhenPostedThen413InDialectShape() {
        String big = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        TestResponse r = postUsers(big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text("code")).isEqualTo("body_too_large");
    }

    @Test
    void badQueryParametersWhenGivenThen400NamingThem() {
        assertThat(server.get("/iam/v1/users?limit=abc", owner).body()).contains("limit");
        assertThat(server.get("/iam/v1/users?limit=0", owner).status()).isEqualTo(400);
        assertThat(server.get("/iam/v1/audit?from=yesterday", owner).body()).contains("from");
        assertThat(server.get("/iam/v1/audit?outcome=maybe", owner).status()).isEqualTo(400);
    }

    @Test
    void invalidUtf8WhenPostedThen400() {
        byte[] body = {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        TestResponse r = server.send(server.request("/iam/v1/users", owner).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(r.status()).isEqualTo(400);
    }
}
