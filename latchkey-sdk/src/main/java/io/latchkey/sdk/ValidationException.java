package io.latchkey.sdk;

/**
 * A request field is missing, mistyped or out of range: 422, or 400 naming a field. {@link #field()} names
 * the first field at fault; {@link #details()} lists every issue.
 *
 * @since 0.1
 */
public class ValidationException extends BadRequestException {
    private static final long serialVersionUID = 1L;

    public ValidationException(ApiError error) {
        super(error);
    }

    /** The first request field the server named, or null. */
    public String field() {
        return error().field();
    }
}
