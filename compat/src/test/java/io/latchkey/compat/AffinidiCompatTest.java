package io.latchkey.compat;

import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official {@code @affinidi-tdk/iam-client@1.48.0} and {@code @affinidi-tdk/auth-provider@1.33.3},
 * unmodified, against a fresh server: the personal-access-token flow of seed 001 and its negative paths
 * (compat/affinidi/run.cjs).
 */
class AffinidiCompatTest {

    @Test
    void officialClientsWhenWalkingThePatFlowThenEveryCheckPasses() {
        try (TestServer server = TestServer.start()) {
            server.bootstrap();
            String out = NodeSuite.run("affinidi", "run.cjs", Map.of(
                    "LATCHKEY_URL", server.baseUrl(),
                    "LATCHKEY_EMAIL", TestServer.OWNER_EMAIL,
                    "LATCHKEY_PASSWORD", TestServer.OWNER_PASSWORD));
            assertThat(out).contains("all checks passed");
        }
    }
}
