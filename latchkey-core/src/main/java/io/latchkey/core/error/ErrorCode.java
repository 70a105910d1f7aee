package io.latchkey.core.error;

import java.util.Locale;

/**
 * Stable, machine-readable error conditions. The {@link #code()} string is part of the public contract:
 * clients and operators match on it, so a code is never renamed once released.
 *
 * @since 0.1
 */
public enum ErrorCode {
    // INVARIANT: code strings are snake_case and never change after release; outsiders depend on them.
    INVALID_REQUEST(ErrorCategory.BAD_REQUEST),
    INVALID_FIELD(ErrorCategory.VALIDATION),
    MISSING_FIELD(ErrorCategory.VALIDATION),
    UNKNOWN_FIELD(ErrorCategory.VALIDATION),
    MALFORMED_JSON(ErrorCategory.VALIDATION),
    BODY_TOO_LARGE(ErrorCategory.TOO_LARGE),
    ALREADY_EXISTS(ErrorCategory.BAD_REQUEST),
    WRONG_PROJECT_TYPE(ErrorCategory.BAD_REQUEST),
    INVALID_KEY_MATERIAL(ErrorCategory.VALIDATION),
    UNSUPPORTED_GRANT_TYPE(ErrorCategory.BAD_REQUEST),
    NO_SUCH_ENDPOINT(ErrorCategory.NOT_FOUND),
    METHOD_NOT_ALLOWED(ErrorCategory.BAD_REQUEST),
    /** A custom claim that would overwrite a claim the session JWT sets itself ({@code sub}, {@code exp}...). */
    RESERVED_CLAIM(ErrorCategory.VALIDATION),

    CREDENTIALS_MISSING(ErrorCategory.UNAUTHENTICATED),
    CREDENTIALS_INVALID(ErrorCategory.UNAUTHENTICATED),
    TOKEN_INVALID(ErrorCategory.UNAUTHENTICATED),
    TOKEN_EXPIRED(ErrorCategory.UNAUTHENTICATED),
    TOKEN_REVOKED(ErrorCategory.UNAUTHENTICATED),
    TOKEN_KIND_NOT_ACCEPTED(ErrorCategory.UNAUTHENTICATED),
    CLIENT_ASSERTION_INVALID(ErrorCategory.UNAUTHENTICATED),
    CLIENT_ASSERTION_REPLAYED(ErrorCategory.UNAUTHENTICATED),
    ACCOUNT_LOCKED(ErrorCategory.RATE_LIMITED),
    /** A known credential (access key, management key) that was deactivated. */
    CREDENTIAL_INACTIVE(ErrorCategory.UNAUTHENTICATED),
    /** A known credential (access key, management key) past its expiry time. */
    CREDENTIAL_EXPIRED(ErrorCategory.UNAUTHENTICATED),
    /** Universal auth: the client id is locked out after repeated failures (401, specs/infisical.md 3.1). */
    CLIENT_LOCKED_OUT(ErrorCategory.UNAUTHENTICATED),
    /** A machine-identity token or client secret has been used as often as its limit allows. */
    USE_LIMIT_REACHED(ErrorCategory.UNAUTHENTICATED),

    FORBIDDEN(ErrorCategory.FORBIDDEN),
    PRINCIPAL_NOT_IN_PROJECT(ErrorCategory.FORBIDDEN),
    SOURCE_ADDRESS_NOT_ALLOWED(ErrorCategory.FORBIDDEN),

    NOT_FOUND(ErrorCategory.NOT_FOUND),

    CONFLICT(ErrorCategory.CONFLICT),
    PRINCIPAL_CANNOT_BE_DELETED(ErrorCategory.CONFLICT),
    VERSION_MISMATCH(ErrorCategory.CONFLICT),
    ALREADY_BOOTSTRAPPED(ErrorCategory.BAD_REQUEST),

    RATE_LIMITED(ErrorCategory.RATE_LIMITED),

    NOT_BOOTSTRAPPED(ErrorCategory.NOT_READY),
    METHOD_NOT_ENABLED(ErrorCategory.BAD_REQUEST),

    INTERNAL_ERROR(ErrorCategory.INTERNAL);

    private final ErrorCategory category;
    private final String code;

    ErrorCode(ErrorCategory category) {
        this.category = category;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** The stable snake_case identifier of this condition. */
    public String code() {
        return code;
    }

    public ErrorCategory category() {
        return category;
    }
}
