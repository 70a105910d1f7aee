package io.latchkey.core.token;

/**
 * Port: signs JWTs with the instance key ring's active key for an algorithm. Implemented with Nimbus in
 * latchkey-jose.
 *
 * @since 0.1
 */
public interface TokenSigner {

    /** Signs {@code draft} with the active key of {@code algorithm}; the header carries its {@code kid}. */
    String sign(TokenDraft draft, JwsAlgorithm algorithm);
}
