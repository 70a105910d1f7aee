package io.latchkey.sdk;

import java.time.Instant;
import java.util.Objects;

/**
 * One question for the authorization check: may {@code principal} do {@code action} on {@code resource}?
 *
 * @param principal the principal's ARI, e.g. {@code ari:iam::<projectId>:token/<tokenId>}
 * @param action    the action, e.g. {@code secrets:Read}
 * @param resource  the resource's ARI, e.g. {@code ari:secrets::<projectId>:secret/prod/db}
 * @param context   the request's context for conditions, or null
 * @since 0.1
 */
public record AuthzCheck(String principal, String action, String resource, Context context) {

    public AuthzCheck {
        Objects.requireNonNull(principal, "principal cannot be null");
        Objects.requireNonNull(action, "action cannot be null");
        Objects.requireNonNull(resource, "resource cannot be null");
    }

    public static AuthzCheck of(String principal, String action, String resource) {
        return new AuthzCheck(principal, action, resource, null);
    }

    /** This check as if made from {@code sourceIp} (for {@code IpAddress} conditions). */
    public AuthzCheck fromIp(String sourceIp) {
        return new AuthzCheck(principal, action, resource, new Context(sourceIp, context == null ? null : context.time()));
    }

    /** This check as if made at {@code time} (for date conditions). */
    public AuthzCheck at(Instant time) {
        return new AuthzCheck(principal, action, resource, new Context(context == null ? null : context.sourceIp(), time));
    }

    /**
     * The context conditions are evaluated against; null members mean the caller's address and now.
     *
     * @param sourceIp the address the request came from
     * @param time     the instant of the request
     */
    public record Context(String sourceIp, Instant time) {
    }
}
