package io.latchkey.sdk;

/**
 * Answer of {@code POST /iam/v1/login}.
 *
 * @param accessToken the user token; secret
 * @param expiresIn   its lifetime in seconds
 * @param tokenType   {@code Bearer}
 * @since 0.1
 */
public record LoginResponse(String accessToken, long expiresIn, String tokenType) {

    @Override
    public String toString() {
        return "LoginResponse[accessToken=***, expiresIn=" + expiresIn + ", tokenType=" + tokenType + "]";
    }
}
