package io.latchkey.sdk;

/**
 * A token-auth token as created: the token, this once, and its record.
 *
 * @param accessToken the token; secret, shown once
 * @param expiresIn   its lifetime in seconds (0: no expiry)
 * @param tokenData   its record
 * @since 0.1
 */
public record CreatedIdentityToken(String accessToken, long expiresIn, IdentityToken tokenData) {

    @Override
    public String toString() {
        return "CreatedIdentityToken[accessToken=***, expiresIn=" + expiresIn + ", tokenData=" + tokenData + "]";
    }
}
