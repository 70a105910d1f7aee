package io.latchkey.core.error;

/**
 * The broad class of a failure. Each HTTP dialect maps a category (and, where the dialect has a more
 * specific shape, the {@link ErrorCode} itself) to a status and an error body.
 *
 * @since 0.1
 */
public enum ErrorCategory {
    /** The request is well-formed but breaks a rule of the domain (a duplicate name, a wrong project type). */
    BAD_REQUEST,
    /** The request does not have the shape the endpoint expects: a missing, mistyped or out-of-range field. */
    VALIDATION,
    /** No credential, or a credential that is malformed, unknown, expired or revoked. */
    UNAUTHENTICATED,
    /** A valid credential that is not allowed to do this. */
    FORBIDDEN,
    /** The addressed thing does not exist (or the caller may not learn that it exists). */
    NOT_FOUND,
    /** The request conflicts with the current state. */
    CONFLICT,
    /** Too many attempts; retry later. */
    RATE_LIMITED,
    /** The instance cannot serve this yet (for example, it is not bootstrapped). */
    NOT_READY,
    /** The body is larger than the server accepts. */
    TOO_LARGE,
    /** A fault on our side. Never used for anything the caller did. */
    INTERNAL
}
