package io.latchkey.sdk;

/**
 * What {@link TokensApi#update(String, UpdateTokenRequest)} sends ({@code UpdateTokenInput}): members left
 * null stay unchanged.
 *
 * @param name                 a new name, or null
 * @param authenticationMethod a new algorithm and/or public key (its own null members stay unchanged), or null
 * @since 0.1
 */
public record UpdateTokenRequest(String name, TokenAuthenticationMethod authenticationMethod) {

    public static UpdateTokenRequest empty() {
        return new UpdateTokenRequest(null, null);
    }

    public UpdateTokenRequest withName(String value) {
        return new UpdateTokenRequest(value, authenticationMethod);
    }

    public UpdateTokenRequest withSigningAlgorithm(TokenSigningAlgorithm value) {
        TokenAuthenticationMethod m = authenticationMethod;
        return new UpdateTokenRequest(name, new TokenAuthenticationMethod(TokenAuthenticationMethod.PRIVATE_KEY, value,
                m == null ? null : m.publicKeyInfo()));
    }

    public UpdateTokenRequest withPublicKey(PublicKeyInfo value) {
        TokenAuthenticationMethod m = authenticationMethod;
        return new UpdateTokenRequest(name, new TokenAuthenticationMethod(TokenAuthenticationMethod.PRIVATE_KEY,
                m == null ? null : m.signingAlgorithm(), value));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return name == null && authenticationMethod == null;
    }
}
