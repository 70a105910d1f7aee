package io.latchkey.core.principal;

/**
 * Where a request came from, for audit events, rate limits and source-address conditions. Passed
 * explicitly into use cases; nothing in the core reads it from a thread-local.
 *
 * @param requestId the id the HTTP layer assigned (also in the response header and the logs)
 * @param sourceIp the caller's address as the HTTP layer determined it
 * @since 0.1
 */
public record RequestMeta(String requestId, String sourceIp) {
    public static final RequestMeta INTERNAL = new RequestMeta("internal", "127.0.0.1");
}
