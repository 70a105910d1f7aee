package io.latchkey.sdk;

import java.util.Optional;

/**
 * 403: the credentials are valid but may not do this. When the server's decision names the deciding
 * statement, {@link #decisionId()} and {@link #reason()} carry it (for "why was I denied").
 *
 * @since 0.1
 */
public class ForbiddenException extends LatchkeyApiException {
    private static final long serialVersionUID = 1L;

    private final String decisionId;
    private final String reason;

    public ForbiddenException(ApiError error, String decisionId, String reason) {
        super(error);
        this.decisionId = decisionId;
        this.reason = reason;
    }

    /** The id of the authorization decision, when the server gave one. */
    public Optional<String> decisionId() {
        return Optional.ofNullable(decisionId);
    }

    /** Why the decision went this way (e.g. the deciding statement), when the server gave it. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
