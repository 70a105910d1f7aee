package io.latchkey.http.common;

import io.javalin.http.Context;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.RequestMeta;

import java.util.Locale;

/**
 * Small request helpers shared by every dialect: request metadata, bearer tokens, paging parameters.
 *
 * @since 0.1
 */
public final class Requests {
    /** Context attribute holding the request id. */
    public static final String REQUEST_ID = "latchkey.requestId";
    public static final String CLIENT_IP = "latchkey.clientIp";

    private Requests() {
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "-" : id;
    }

    public static String clientIp(Context ctx) {
        String ip = ctx.attribute(CLIENT_IP);
        return ip != null ? ip : ctx.req().getRemoteAddr();
    }

    public static RequestMeta meta(Context ctx) {
        return new RequestMeta(requestId(ctx), clientIp(ctx));
    }

    /**
     * The token of an {@code Authorization} header, with or without a case-insensitive {@code Bearer }
     * prefix (the IAM dialect's generated client sends the raw token, its auth provider sends
     * {@code Bearer <token>}: specs/affinidi-iam.md section 2). Null when the header is absent.
     */
    public static String bearerToken(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null) {
            return null;
        }
        String v = h.trim();
        if (v.length() >= 7 && v.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            v = v.substring(7).trim();
        }
        return v.isEmpty() ? null : v;
    }

    /** The bearer token, required. */
    public static String requireBearerToken(Context ctx) {
        String t = bearerToken(ctx);
        if (t == null) {
            throw LatchkeyException.unauthenticated(ErrorCode.CREDENTIALS_MISSING, "the Authorization header is missing");
        }
        return t;
    }

    /** An optional integer query parameter within bounds; names the parameter when malformed. */
    public static Integer intQuery(Context ctx, String name, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw LatchkeyException.invalidField(name, name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw LatchkeyException.invalidField(name, name + " must be an integer");
        }
    }

    /** A required, non-blank string query parameter. */
    public static String requireQuery(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw LatchkeyException.missingField(name);
        }
        return v;
    }
}
