package io.latchkey.http.accesskey;

import io.javalin.http.Context;
import io.latchkey.core.accesskey.ManagementKeyService;
import io.latchkey.core.accesskey.ManagementKeyService.ManagementSession;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Requests;

/**
 * Authenticates a management call of the access-key dialect from its {@code Authorization: Bearer
 * <projectId>:<managementKey>} header (specs/descope-access-keys.md section 2). Handlers call it before they
 * read the body, so an unauthenticated caller learns nothing about what the body should look like.
 *
 * @since 0.1
 */
final class ManagementAuth {
    private final ManagementKeyService managementKeys;

    ManagementAuth(ManagementKeyService managementKeys) {
        this.managementKeys = Require.nonNull(managementKeys, "managementKeys");
    }

    ManagementSession session(Context ctx) {
        return managementKeys.authenticate(Requests.bearerToken(ctx), Requests.meta(ctx));
    }

    /** A required string member of a request body; missing or blank is a 400 naming it. */
    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
        return value;
    }
}
