package io.latchkey.testkit;

import java.util.Map;

/**
 * Test helper for the access-key dialect: a project created through the native API with a management key, as
 * an operator would set one up before handing it to the vendor's SDKs.
 *
 * @since 0.1
 */
public final class ManagedProjects {
    private ManagedProjects() {
    }

    /**
     * A project and the cleartext of one of its management keys.
     *
     * @param managementKey a credential: tests must not print it
     */
    public record ManagedProject(String id, String managementKey) {
        /** The value after {@code Bearer } on management calls: {@code <projectId>:<managementKey>}. */
        public String bearer() {
            return id + ":" + managementKey;
        }

        @Override
        public String toString() {
            return "ManagedProject[id=" + id + "]";
        }
    }

    /** Creates a project as the user behind {@code userToken} and a management key for it. */
    public static ManagedProject create(TestServer server, String userToken, String name) {
        TestResponse p = server.post("/iam/v1/projects", userToken, Map.of("name", name));
        if (p.status() != 200) {
            throw new AssertionError("project creation failed: " + p);
        }
        String projectId = p.text("id");
        TestResponse k = server.post("/iam/v1/projects/" + projectId + "/management-keys", userToken,
                Map.of("name", name + " management"));
        if (k.status() != 200) {
            throw new AssertionError("management key creation failed: " + k);
        }
        return new ManagedProject(projectId, k.text("cleartext"));
    }
}
