package io.latchkey.sdk;

/**
 * The kind of credentials a client calls with. Each resource group accepts some kinds (see the resource
 * classes); a call with another kind fails with {@link AuthModeException} before any network request.
 *
 * <p>The kinds mirror the {@code token_use} claim of Latchkey's access tokens.
 *
 * @since 0.1
 */
public enum AuthMode {
    /** No credentials: only unauthenticated endpoints (bootstrap, login, public keys, health). */
    NONE(null, "no credentials"),
    /** A person's session from password login. */
    USER("user", "user token"),
    /** A personal access token's session (client assertion). */
    PAT("pat", "personal access token session"),
    /** A session bound to one project (from the STS). */
    PROJECT("project", "project-scoped token"),
    /** A machine identity's session (including the instance-admin identity of bootstrap). */
    IDENTITY("identity", "machine identity token"),
    /** An access key's session JWT. */
    ACCESS_KEY("access_key", "access-key session");

    private final String tokenUse;
    private final String description;

    AuthMode(String tokenUse, String description) {
        this.tokenUse = tokenUse;
        this.description = description;
    }

    /** The {@code token_use} claim of tokens of this kind; null for {@link #NONE}. */
    public String tokenUse() {
        return tokenUse;
    }

    /** A short human name, used in error messages. */
    public String description() {
        return description;
    }

    /** The kind whose {@code token_use} claim is {@code value}, or null. */
    public static AuthMode fromTokenUse(String value) {
        for (AuthMode m : values()) {
            if (m.tokenUse != null && m.tokenUse.equals(value)) {
                return m;
            }
        }
        return null;
    }
}
