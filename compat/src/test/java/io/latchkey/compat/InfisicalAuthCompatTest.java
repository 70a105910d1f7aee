package io.latchkey.compat;

import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official {@code @infisical/sdk@5.0.2}, unmodified, against a fresh server: machine identities and
 * their logins (compat/infisical/auth.cjs). The JUnit side bootstraps the instance and hands the script the
 * admin identity's token; the script sets up an identity with universal auth over REST, logs in, creates a
 * project and an environment, renews and revokes through the SDK, and checks that a revoked token, a wrong
 * secret, an exhausted client secret and a locked-out client id are refused.
 */
class InfisicalAuthCompatTest {

    @Test
    void officialSdkWhenLoggingInRenewingAndRevokingThenEveryCheckPasses() {
        try (TestServer server = TestServer.start()) {
            TestResponse boot = server.bootstrap();
            String out = NodeSuite.run("infisical", "auth.cjs", Map.of(
                    "LATCHKEY_URL", server.baseUrl(),
                    "LATCHKEY_ADMIN_TOKEN", boot.text("identity.credentials.token"),
                    "LATCHKEY_ORG_ID", boot.text("organization.id")));
            assertThat(out).contains("all checks passed");
        }
    }
}
