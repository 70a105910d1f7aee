package io.latchkey.http.common;

import io.javalin.http.Context;

import java.util.List;
import java.util.function.Function;

/**
 * Pagination in the IAM dialect's form (specs/affinidi-iam.md section 4.6): {@code limit} (default 100)
 * and an opaque {@code exclusiveStartKey}; the answer carries {@code lastEvaluatedKey} only when more items
 * remain. Implemented by asking storage for one item more than the page.
 *
 * @since 0.1
 */
public final class Pages {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private Pages() {
    }

    /** The requested page size. */
    public static int limit(Context ctx) {
        Integer n = Requests.intQuery(ctx, "limit", 1, MAX_LIMIT);
        return n == null ? DEFAULT_LIMIT : n;
    }

    /** The decoded position to start after, or null. */
    public static String after(Context ctx) {
        return Cursors.decode(ctx.queryParam("exclusiveStartKey"), "exclusiveStartKey");
    }

    /** A page cut from {@code limit + 1} fetched items. */
    public record Page<T>(List<T> items, String lastEvaluatedKey) {
    }

    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> position) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Cursors.encode(position.apply(items.get(limit - 1))));
    }
}
