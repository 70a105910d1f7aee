package io.latchkey.core.pat;

import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.VerifiedJwt;

/**
 * Port: the cryptography of client assertions (RFC 7523), implemented with Nimbus and Bouncy Castle in
 * latchkey-jose.
 *
 * @since 0.1
 */
public interface ClientKeys {

    /**
     * Checks that {@code info} holds usable public keys for {@code algorithm}: parseable, public members
     * only, key type and curve matching the algorithm, RSA keys of at least 2048 bits.
     *
     * @param field the request member holding {@code info}, for error messages
     * @return the normalized form to store (for example a JWK set with private members refused)
     * @throws io.latchkey.core.error.LatchkeyException {@code invalid_key_material} naming the member
     */
    PublicKeyInfo validate(JwsAlgorithm algorithm, PublicKeyInfo info, String field);

    /**
     * Verifies the signature of a client assertion with the token's keys: the header's {@code alg} must be
     * {@code algorithm}; the key is chosen by {@code kid}, or the only key when exactly one is present and
     * no kid matches. Checks nothing about claims.
     *
     * @param cacheKey identifies the key material version (token id and update time) for caching
     * @throws io.latchkey.core.error.LatchkeyException {@code client_assertion_invalid}
     */
    VerifiedJwt verifySignature(String assertion, JwsAlgorithm algorithm, PublicKeyInfo info, String cacheKey);
}
