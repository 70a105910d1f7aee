package io.latchkey.it;

import io.latchkey.server.LatchkeyServer;
import io.latchkey.server.ServerConfig;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

import static io.latchkey.it.SecretsApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes on one database (DESIGN section 5): a machine-identity token minted on one node works on
 * the other, its use limit is shared (one atomic count in storage), and a revocation on one node reaches the
 * other within the revocation list's refresh interval.
 */
class TwoNodeIdentityTokenTest {
    private static final String PUBLIC_URL = "http://latchkey.test";
    private final HttpClient http = HttpClient.newHttpClient();

    private int status(LatchkeyServer node, String token) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/workspace"))
                .header("Authorization", "Bearer " + token).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void identityTokenWhenUsedAndRevokedOnOneNodeThenTheOtherAgrees() throws Exception {
        try (TestServer a = TestServer.start(Map.of("public-url", PUBLIC_URL))) {
            SecretsApi api = new SecretsApi(a);
            String[] limited = api.loggedInIdentity("two-node-limited", "no-access", Map.of("accessTokenNumUsesLimit", 3));
            String[] plain = api.loggedInIdentity("two-node-plain", "no-access", Map.of());
            try (LatchkeyServer b = LatchkeyServer.start(ServerConfig.load(Map.of("port", "0",
                    "data-dir", Files.createTempDirectory("latchkey-node-b").toString(), "db-url", a.database().jdbcUrl(),
                    "root-key", a.rootKey(), "public-url", PUBLIC_URL, "db-pool-size", "4",
                    "argon2-memory-kib", "4096", "argon2-iterations", "1"), Map.of(), null))) {
                assertThat(status(b, plain[3])).isEqualTo(200);

                ok(a.get("/api/v1/workspace", limited[3]));
                assertThat(status(b, limited[3])).isEqualTo(200);
                ok(a.get("/api/v1/workspace", limited[3]));
                assertThat(status(b, limited[3])).as("the fourth use, on either node").isEqualTo(401);

                ok(a.post("/api/v1/auth/token/revoke", null, Map.of("accessToken", plain[3])));
                long deadline = System.currentTimeMillis() + 3_000;
                int seen = status(b, plain[3]);
                while (seen != 401 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                    seen = status(b, plain[3]);
                }
                assertThat(seen).as("revoked on node A, refused on node B").isEqualTo(401);
            }
        }
    }
}
