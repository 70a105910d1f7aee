package io.latchkey.compat;

import io.latchkey.testkit.ManagedProjects;
import io.latchkey.testkit.ManagedProjects.ManagedProject;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official {@code @descope/node-sdk@2.13.0}, unmodified, against a fresh server: the access-key lifecycle
 * of seed 004 with batch calls, session validation by the SDK itself, rotation and the management-key API
 * (compat/descope/run.cjs). The project and its first management key come from the native API, as an
 * operator would create them.
 */
class DescopeNodeCompatTest {

    @Test
    void officialNodeSdkWhenWalkingSeed004ThenEveryCheckPasses() {
        try (TestServer server = TestServer.start()) {
            server.bootstrap();
            String owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
            ManagedProject project = ManagedProjects.create(server, owner, "descope node");
            String out = NodeSuite.run("descope", "run.cjs", Map.of(
                    "LATCHKEY_URL", server.baseUrl(),
                    "LATCHKEY_PROJECT_ID", project.id(),
                    "LATCHKEY_MANAGEMENT_KEY", project.managementKey()));
            assertThat(out).contains("all checks passed").doesNotContain(project.managementKey());
        }
    }
}
