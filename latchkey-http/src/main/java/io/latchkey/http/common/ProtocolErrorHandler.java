package io.latchkey.http.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.latchkey.core.support.Ids;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors Jetty answers itself, before a request reaches the application (a malformed request line, an
 * ambiguous or invalid URI encoding, oversized headers): JSON in the native error shape instead of Jetty's
 * HTML page. Such a request has no trustworthy path, so no dialect can be chosen; the native shape is the
 * documented fallback (docs/SECURITY.md, "Bad input"). Nothing of the request is echoed.
 *
 * @since 0.1
 */
public final class ProtocolErrorHandler extends ErrorHandler {
    /** The stable code of these answers; clients and tests match it. */
    public static final String CODE = "malformed_http_request";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        int status = code >= 400 && code < 600 ? code : 400;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", status == 431 || status == 414 ? "PayloadTooLargeError" : "InvalidParameterError");
        body.put("message", "Invalid parameter: request.");
        body.put("httpStatusCode", status);
        body.put("traceId", Ids.nonSecretUuid());
        body.put("code", CODE);
        body.put("details", List.of(Map.of("issue", "the HTTP request is malformed and was refused before routing")));
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            bytes = "{}".getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
