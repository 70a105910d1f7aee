package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of a machine-identity login or renewal (specs/infisical.md A1/A2).
 *
 * @param accessToken       the identity access token; secret
 * @param expiresIn         its lifetime in seconds (0 for a token that does not expire)
 * @param accessTokenMaxTtl how long renewals may extend the session, in seconds
 * @param tokenType         {@code Bearer}
 * @since 0.1
 */
public record IdentityLogin(String accessToken, long expiresIn, @JsonProperty("accessTokenMaxTTL") long accessTokenMaxTtl,
                            String tokenType) {

    @Override
    public String toString() {
        return "IdentityLogin[accessToken=***, expiresIn=" + expiresIn + ", accessTokenMaxTtl=" + accessTokenMaxTtl + "]";
    }
}
