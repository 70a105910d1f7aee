package io.latchkey.core.authz;

import io.latchkey.core.principal.PrincipalType;

/**
 * Builds resource identifiers in the IAM dialect's form {@code ari:<service>:<region>:<projectId>:<type>/<path>}
 * (region empty on a single-region instance), so policies written by the vendor's CLI mean the same here.
 *
 * @since 0.1
 */
public final class Aris {
    private Aris() {
    }

    /** The principal's ARI in a project, e.g. {@code ari:iam::P..:token/<id>}. */
    public static String principal(String projectId, PrincipalType type, String id) {
        return "ari:iam::" + projectId + ":" + type.ariType() + "/" + id;
    }

    public static String project(String projectId) {
        return "ari:iam::" + projectId + ":project/" + projectId;
    }

    /** A membership record: {@code ari:iam::P..:principal/<type>/<id>}. */
    public static String member(String projectId, PrincipalType type, String id) {
        return "ari:iam::" + projectId + ":principal/" + type.wire() + "/" + id;
    }

    public static String policy(String projectId, PrincipalType type, String id) {
        return "ari:iam::" + projectId + ":policy/" + type.wire() + "/" + id;
    }

    /** Any resource of a service in a project: {@code ari:<service>::P..:<type>/<path>}. */
    public static String resource(String service, String projectId, String type, String path) {
        return "ari:" + service + "::" + projectId + ":" + type + "/" + path;
    }

    /** The project id of an ARI, or null when it is not one. */
    public static String projectOf(String ari) {
        if (ari == null || !ari.startsWith("ari:")) {
            return null;
        }
        String[] parts = ari.split(":", 5);
        return parts.length == 5 && !parts[3].isEmpty() ? parts[3] : null;
    }
}
