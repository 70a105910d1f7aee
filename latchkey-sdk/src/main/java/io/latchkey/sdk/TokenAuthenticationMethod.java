package io.latchkey.sdk;

/**
 * How a personal access token authenticates ({@code authenticationMethod}): a client assertion signed with
 * a private key whose public half the server holds. In an update, members left null stay unchanged.
 *
 * @param type             always {@code PRIVATE_KEY}
 * @param signingAlgorithm the algorithm of the client assertion
 * @param publicKeyInfo    the public key
 * @since 0.1
 */
public record TokenAuthenticationMethod(String type, TokenSigningAlgorithm signingAlgorithm, PublicKeyInfo publicKeyInfo) {
    /** The only type the IAM dialect knows. */
    public static final String PRIVATE_KEY = "PRIVATE_KEY";

    public static TokenAuthenticationMethod privateKey(TokenSigningAlgorithm algorithm, PublicKeyInfo publicKeyInfo) {
        return new TokenAuthenticationMethod(PRIVATE_KEY, algorithm, publicKeyInfo);
    }
}
