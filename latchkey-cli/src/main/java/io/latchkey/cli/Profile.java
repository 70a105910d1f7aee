package io.latchkey.cli;

/**
 * A named set of settings in the config file: which server, the user token after {@code latchkey login},
 * and the selected project ({@code latchkey project select}), which project-scoped commands use.
 *
 * @param server    the server's base URL, or null
 * @param token     the user token; secret, or null when logged out
 * @param projectId the selected project, or null
 * @since 0.1
 */
record Profile(String server, String token, String projectId) {
    static final Profile EMPTY = new Profile(null, null, null);

    Profile withServer(String v) {
        return new Profile(v, token, projectId);
    }

    Profile withToken(String v) {
        return new Profile(server, v, projectId);
    }

    Profile withProjectId(String v) {
        return new Profile(server, token, v);
    }

    @Override
    public String toString() {
        return "Profile[server=" + server + ", token=" + (token == null ? null : "***") + ", projectId=" + projectId + "]";
    }
}
