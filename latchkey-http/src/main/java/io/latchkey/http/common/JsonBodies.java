package io.latchkey.http.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;

import java.io.IOException;

/**
 * Reads request bodies into request records, turning every Jackson failure into a 4xx that names the
 * member at fault ({@code authenticationMethod.publicKeyInfo.jwks}) and never echoes its value.
 *
 * @since 0.1
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    /** Reads the body as {@code type}; an empty body is an error. */
    public static <T> T read(Context ctx, Class<T> type) {
        byte[] body = RequestBodies.bytes(ctx);
        if (isBlank(body)) {
            throw LatchkeyException.of(ErrorCode.INVALID_REQUEST, "a JSON request body is required");
        }
        T v = parse(body, type, Dialect.ofPath(ctx.path()).rejectUnknownMembers());
        if (v == null) {
            throw LatchkeyException.of(ErrorCode.MALFORMED_JSON, "the request body must be a JSON object");
        }
        return v;
    }

    /** Reads the body as {@code type}, or returns {@code empty} when there is no body at all. */
    public static <T> T readOptional(Context ctx, Class<T> type, T empty) {
        byte[] body = RequestBodies.bytes(ctx);
        if (isBlank(body)) {
            return empty;
        }
        T v = parse(body, type, Dialect.ofPath(ctx.path()).rejectUnknownMembers());
        return v == null ? empty : v;
    }

    public static <T> T parse(byte[] body, Class<T> type, boolean rejectUnknown) {
        try {
            return Json.reader(type, rejectUnknown).readValue(body);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw LatchkeyException.field(ErrorCode.UNKNOWN_FIELD, field, field + " is not a known member");
        } catch (InvalidFormatException e) {
            String field = path(e);
            throw LatchkeyException.invalidField(field, field + " has the wrong type or format");
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw LatchkeyException.of(ErrorCode.MALFORMED_JSON, "the request body must be a JSON object");
            }
            throw LatchkeyException.invalidField(field, field + " has the wrong type");
        } catch (InputCoercionException e) {
            // A number too large for its member's type: name the member, never echo the value.
            JsonParser parser = e.getProcessor();
            String field = parser == null ? null : currentName(parser);
            throw field == null ? LatchkeyException.of(ErrorCode.MALFORMED_JSON, "a number in the request body is out of range")
                    : LatchkeyException.invalidField(field, field + " is out of range");
        } catch (StreamConstraintsException e) {
            throw LatchkeyException.of(ErrorCode.MALFORMED_JSON, "the request body is too deeply nested or too long");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw field.isEmpty()
                    ? LatchkeyException.of(ErrorCode.MALFORMED_JSON, "the request body is not valid JSON for this endpoint")
                    : LatchkeyException.invalidField(field, field + " is invalid");
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Duplicate field")) {
                throw LatchkeyException.of(ErrorCode.MALFORMED_JSON, "the request body repeats a member");
            }
            throw LatchkeyException.of(ErrorCode.MALFORMED_JSON, "the request body is not valid JSON");
        } catch (IOException e) {
            throw LatchkeyException.of(ErrorCode.MALFORMED_JSON, "the request body could not be read");
        }
    }

    private static String currentName(JsonParser parser) {
        try {
            return parser.currentName();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Dotted path of the failing member, with [i] for array elements. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
