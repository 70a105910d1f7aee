package io.latchkey.sdk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A list the server returns page by page, read lazily: iterating fetches the first page, and the next one
 * only when the items of the current page are used up, following the server's cursor
 * ({@code lastEvaluatedKey}) until the last page. Each {@link #iterator()} starts again from the first
 * page. Stop early (break, {@code stream().limit(n)}) to avoid fetching pages you do not need.
 *
 * <p>Fetching a page can throw any {@link LatchkeyApiException}, from {@code hasNext()} or {@code next()}.
 * A server that returns the same cursor twice in a row fails the iteration instead of looping.
 *
 * @since 0.1
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final Function<String, Page<T>> fetch;

    /** @param fetch reads the page after a cursor (null for the first page) */
    public PagedIterable(Function<String, Page<T>> fetch) {
        this.fetch = Objects.requireNonNull(fetch, "fetch cannot be null");
    }

    /** The first page only. */
    public Page<T> firstPage() {
        return fetch.apply(null);
    }

    /** The pages, lazily. */
    public Iterable<Page<T>> pages() {
        return PageIterator::new;
    }

    @Override
    public Iterator<T> iterator() {
        return new ItemIterator();
    }

    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    private final class PageIterator implements Iterator<Page<T>> {
        private String cursor;
        private boolean started;
        private boolean done;

        @Override
        public boolean hasNext() {
            return !done;
        }

        @Override
        public Page<T> next() {
            if (done) {
                throw new NoSuchElementException();
            }
            Page<T> page = Objects.requireNonNull(fetch.apply(started ? cursor : null), "fetch returned no page");
            if (page.nextKey() != null && started && page.nextKey().equals(cursor)) {
                throw new LatchkeyApiException(ApiError.local("cursor_repeated",
                        "the server returned the same page cursor twice; stopping instead of looping", null));
            }
            started = true;
            cursor = page.nextKey();
            done = page.last();
            return page;
        }
    }

    private final class ItemIterator implements Iterator<T> {
        private final PageIterator pages = new PageIterator();
        private Iterator<T> current = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && pages.hasNext()) {
                current = pages.next().items().iterator();
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
