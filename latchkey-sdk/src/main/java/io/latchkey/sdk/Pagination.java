package io.latchkey.sdk;

/** The page-size rule every IAM list shares. */
final class Pagination {
    static final int MAX_PAGE_SIZE = 500;

    private Pagination() {
    }

    static void check(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
