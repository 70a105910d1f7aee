package io.latchkey.http.common;

/**
 * The wire dialects the server speaks. Every request belongs to exactly one, decided by its path, and its
 * errors are rendered in that dialect's shape.
 *
 * @since 0.1
 */
public enum Dialect {
    /** The native API (IAM dialect and its extensions), plus operations endpoints. */
    IAM(true),
    /** The OAuth2 token endpoint (RFC 6749 error bodies). */
    OAUTH2(true),
    /** The access-key dialect under /v1 and /v2/keys. */
    ACCESS_KEY(false),
    /** The secrets dialect under /api. */
    SECRETS(false);

    private final boolean rejectUnknownMembers;

    Dialect(boolean rejectUnknownMembers) {
        this.rejectUnknownMembers = rejectUnknownMembers;
    }

    /** See {@link Json}: whether this dialect rejects request members it does not know. */
    public boolean rejectUnknownMembers() {
        return rejectUnknownMembers;
    }

    public static Dialect ofPath(String path) {
        if (path.startsWith("/auth/oauth2/")) {
            return OAUTH2;
        }
        if (path.startsWith("/api/")) {
            return SECRETS;
        }
        if (path.startsWith("/v1/") || path.startsWith("/v2/")) {
            return ACCESS_KEY;
        }
        return IAM;
    }
}
