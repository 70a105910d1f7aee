package io.latchkey.bench.load;

/**
 * One benchmarked request kind against one server. {@link #next()} is called by every worker thread before
 * each request, so it must be thread-safe; flows whose requests must differ (a fresh client assertion per
 * request) build a new request each time.
 *
 * @param name      the flow's report name, e.g. {@code pat-token}
 * @param server    {@code latchkey} or {@code keycloak}
 * @param peer      for Latchkey flows, the Keycloak flow it is compared with (or null)
 * @param expected  the status a successful request answers
 * @param requests  supplies requests
 * @param assertions the pool of pre-signed assertions the flow draws from, or null
 */
record Flow(String name, String server, String peer, int expected, RequestSource requests, AssertionPool assertions) {

    /** Supplies the next request; thread-safe. */
    @FunctionalInterface
    interface RequestSource {
        Request next();
    }

    static Flow fixed(String name, String server, String peer, int expected, Request request) {
        return new Flow(name, server, peer, expected, () -> request, null);
    }
}
