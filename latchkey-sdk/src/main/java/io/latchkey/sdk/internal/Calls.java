package io.latchkey.sdk.internal;

import com.fasterxml.jackson.databind.JavaType;

import java.util.Map;
import java.util.Set;

/**
 * Factories for the calls {@link ApiCall} has no shorthand for: PATCH, and DELETE with or without a JSON
 * body (the secrets dialect reads the location of a secret or folder to delete from the body,
 * specs/infisical.md section 1).
 *
 * @since 0.1
 */
public final class Calls {
    private Calls() {
    }

    public static <T> ApiCall<T> patch(String path, Object body, Class<T> type, AuthPolicy auth) {
        return new ApiCall<>("PATCH", path, Map.of(), body, type(type), auth, Set.of());
    }

    /** A DELETE; {@code body} may be null (then no body and no content type are sent). */
    public static <T> ApiCall<T> delete(String path, Object body, Class<T> type, AuthPolicy auth) {
        return new ApiCall<>("DELETE", path, Map.of(), body, type(type), auth, Set.of());
    }

    private static JavaType type(Class<?> type) {
        return Json.mapper().constructType(type);
    }
}
