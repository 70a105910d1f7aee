package io.latchkey.it;

import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.latchkey.it.SecretsApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machine-identity credentials at rest: client secrets are stored only as keyed hashes and access tokens
 * (universal auth, token auth, renewed) not at all; none of them appears in any row or in the logs, even
 * after failed logins that presented them.
 */
class IdentitySecretsAtRestTest {
    private static final int SHOWN_PREFIX = 9;

    @Test
    void storageAndLogsWhenIdentitiesLogInThenContainNoCredential() throws Exception {
        try (TestServer s = TestServer.start()) {
            SecretsApi api = new SecretsApi(s);
            String[] i = api.loggedInIdentity("at-rest", "no-access", Map.of("accessTokenNumUsesLimit", 10, "accessTokenTTL", 600));
            String renewed = ok(s.post("/api/v1/auth/token/renew", null, Map.of("accessToken", i[3]))).text("accessToken");
            ok(s.post("/api/v1/auth/token-auth/identities/" + i[0], api.adminToken, Map.of()));
            String staticToken = ok(s.post("/api/v1/auth/token-auth/identities/" + i[0] + "/tokens", api.adminToken,
                    Map.of("name", "t"))).text("accessToken");
            s.get("/api/v1/workspace", i[3]);
            api.login(i[1], i[2] + "-typo");
            s.get("/iam/v1/audit", api.adminToken); // flushes queued audit events into storage

            List<String> secrets = new ArrayList<>(List.of(i[2], i[3], renewed, staticToken));
            for (String jwt : List.of(i[3], renewed, staticToken)) {
                secrets.add(SecretsAtRestTest.signature(jwt));
            }
            String rows = SecretsAtRestTest.dumpAllRows(s);
            assertThat(rows).contains(i[1]); // the client id is public and stored: the dump covers the tables
            for (String secret : secrets) {
                assertThat(rows).doesNotContain(secret);
                assertThat(s.logs()).doesNotContain(secret);
            }
            // Only the shown prefix (lkcs_ and four characters) of a client secret is stored, never the rest.
            assertThat(rows).doesNotContain(i[2].substring(SHOWN_PREFIX));
        }
    }
}
