package io.latchkey.core.token;

/**
 * What an access token was minted for. Carried in the {@code token_use} claim so that an endpoint that
 * accepts one kind rejects every other kind, even though all share the signing key.
 *
 * @since 0.1
 */
public enum TokenUse {
    /** A person's session, from password login. */
    USER("user"),
    /** A personal access token's session, from the OAuth2 token endpoint with a client assertion. */
    PAT("pat"),
    /** A session bound to one project, from the STS. */
    PROJECT("project"),
    /** A machine identity's session (universal auth, token auth, JWT/OIDC auth). */
    IDENTITY("identity"),
    /** An access key's session JWT (access-key dialect). */
    ACCESS_KEY("access_key");

    private final String claim;

    TokenUse(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static TokenUse fromClaim(Object value) {
        for (TokenUse u : values()) {
            if (u.claim.equals(value)) {
                return u;
            }
        }
        return null;
    }
}
