package io.latchkey.core.policy;

import java.time.Instant;

/**
 * A question for the evaluator: may {@code principal} do {@code action} on {@code resource}, in this context?
 *
 * @param principal the principal's ARI, e.g. {@code ari:iam::P123:token/<id>}
 * @param action {@code service:Verb}
 * @param resource the resource's ARI
 * @param sourceIp the caller's address (IPv4 or IPv6 literal), or null when unknown
 * @param time the time of the request (from the injected clock)
 * @since 0.1
 */
public record AuthzRequest(String principal, String action, String resource, String sourceIp, Instant time) {
}
