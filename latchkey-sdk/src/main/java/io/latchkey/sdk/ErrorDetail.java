package io.latchkey.sdk;

/**
 * One issue of an error response.
 *
 * @param issue what is wrong, as the server wrote it
 * @param field the request field at fault (dotted path for nested members), or null
 * @since 0.1
 */
public record ErrorDetail(String issue, String field) {
}
