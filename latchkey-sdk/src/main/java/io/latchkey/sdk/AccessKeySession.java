package io.latchkey.sdk;

import java.time.Instant;

/**
 * The answer of the access-key exchange ({@code POST /v1/auth/accesskey/exchange}): a session JWT (RS256)
 * that any service verifies offline with {@link AccessKeySessionVerifier}.
 *
 * @param keyId      the exchanged key's id (the session's {@code sub})
 * @param sessionJwt the session JWT; secret, send it as a bearer token
 * @param expiration the session's {@code exp}, epoch seconds
 * @since 0.1
 */
public record AccessKeySession(String keyId, String sessionJwt, long expiration) {

    public Instant expiresAt() {
        return Instant.ofEpochSecond(expiration);
    }

    @Override
    public String toString() {
        // INVARIANT: the session JWT never appears in logs or messages.
        return "AccessKeySession[keyId=" + keyId + ", sessionJwt=***, expiration=" + expiration + "]";
    }
}
