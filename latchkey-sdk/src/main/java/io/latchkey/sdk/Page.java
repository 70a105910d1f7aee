package io.latchkey.sdk;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items   the items of this page
 * @param nextKey the opaque cursor of the next page, or null on the last page
 * @since 0.1
 */
public record Page<T>(List<T> items, String nextKey) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean last() {
        return nextKey == null;
    }
}
