package io.latchkey.core.principal;

import io.latchkey.core.token.AccessToken;

/**
 * The authenticated caller of a use case.
 *
 * @param type what kind of principal acts
 * @param id the principal's id
 * @param orgId the organization the principal belongs to (null for a personal access token used outside one)
 * @param token the verified access token the caller presented; null for internal callers
 * @param instanceAdmin true for the bootstrap identity and super-admin users
 * @since 0.1
 */
public record Actor(PrincipalType type, String id, String orgId, AccessToken token, boolean instanceAdmin) {

    /** The project the caller's token is scoped to, or null. */
    public String projectId() {
        return token == null ? null : token.projectId();
    }

    public static Actor system() {
        return new Actor(PrincipalType.IDENTITY, "system", null, null, true);
    }
}
