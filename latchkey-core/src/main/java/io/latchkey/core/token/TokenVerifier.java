package io.latchkey.core.token;

import java.util.Set;

/**
 * Port: verifies JWTs that this instance signed. Rejects anything that is not a compact JWS signed by a key
 * of the instance key ring with one of the allowed algorithms, and anything past {@code exp} or before
 * {@code nbf} beyond the configured clock skew. It does not decide what the token is for; see
 * {@link TokenService#verifyAccessToken}.
 *
 * @since 0.1
 */
public interface TokenVerifier {

    /**
     * @throws io.latchkey.core.error.LatchkeyException with {@code token_invalid} or {@code token_expired}
     */
    VerifiedJwt verifyInstanceToken(String compact, Set<JwsAlgorithm> allowed);
}
