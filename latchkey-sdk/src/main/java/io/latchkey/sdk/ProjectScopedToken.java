package io.latchkey.sdk;

/**
 * The STS's answer: a token bound to one project.
 *
 * @param accessToken the token; secret
 * @param expiresIn   its lifetime in seconds
 * @param scope       the granted scope
 * @since 0.1
 */
public record ProjectScopedToken(String accessToken, long expiresIn, String scope) {

    @Override
    public String toString() {
        // INVARIANT: the token value never appears in logs or messages.
        return "ProjectScopedToken[accessToken=***, expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
