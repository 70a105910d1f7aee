package io.latchkey.sdk;

/**
 * A project a personal access token belongs to, with the token's policy there.
 *
 * @param id     the project id
 * @param name   the project's name
 * @param policy the token's policy in it (empty when none was set)
 * @since 0.1
 */
public record TokenProject(String id, String name, Policy policy) {
}
