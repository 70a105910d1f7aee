package io.latchkey.sdk;

/**
 * A member of a project ({@code UserList.records[]}).
 *
 * @param principalId   the user id or the personal access token id
 * @param principalType what it is
 * @since 0.1
 */
public record Principal(String principalId, PrincipalType principalType) {
}
