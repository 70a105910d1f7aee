package io.latchkey.sdk;

import java.time.Instant;

/**
 * Who the server takes the caller for ({@code GET /iam/v1/sts/whoami}).
 *
 * @param principalId   the user id, token id, identity id or access key id
 * @param principalType {@code user}, {@code token}, ...
 * @param projectId     the project a project-scoped token is bound to, or null
 * @param tokenUse      the kind of the token ({@code user}, {@code pat}, {@code project}, ...)
 * @param expiresAt     when the token expires, or null
 * @since 0.1
 */
public record Whoami(String principalId, String principalType, String projectId, String tokenUse, Instant expiresAt) {
}
