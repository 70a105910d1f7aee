package io.latchkey.core.auth;

import io.latchkey.core.principal.PrincipalType;

/**
 * What authorization needs to know about a principal beyond its token: whether it still exists and may
 * act, its organization and whether it administers the instance.
 *
 * @since 0.1
 */
public record PrincipalInfo(PrincipalType type, String id, String orgId, boolean active, boolean instanceAdmin) {
}
