package io.latchkey.sdk.internal;

import io.latchkey.sdk.Page;
import io.latchkey.sdk.PagedIterable;

import java.util.List;

/**
 * Adapts the secrets dialect's offset paging ({@code offset}, {@code limit}, {@code totalCount}) to
 * {@link PagedIterable}'s cursor: the cursor is the next offset, and there is no next page once the
 * total is reached or a page comes back empty.
 *
 * @since 0.1
 */
public final class OffsetPaging {

    /** One page as the server answered it. */
    public record Slice<T>(List<T> items, int totalCount) {
    }

    /** Reads the page starting at {@code offset} with at most {@code limit} items. */
    @FunctionalInterface
    public interface Fetch<T> {
        Slice<T> fetch(int offset, int limit);
    }

    private OffsetPaging() {
    }

    public static <T> PagedIterable<T> of(int pageSize, Fetch<T> fetch) {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be between 1 and 100");
        }
        return new PagedIterable<>(cursor -> {
            int offset = cursor == null ? 0 : Integer.parseInt(cursor);
            Slice<T> s = fetch.fetch(offset, pageSize);
            List<T> items = s.items() == null ? List.of() : s.items();
            int next = offset + items.size();
            return new Page<>(items, items.isEmpty() || next >= s.totalCount() ? null : Integer.toString(next));
        });
    }
}
