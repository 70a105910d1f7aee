package io.latchkey.sdk;

import java.util.Objects;

/**
 * What {@link TokensApi#create(CreateTokenRequest)} sends ({@code CreateTokenInput}).
 *
 * @param name                 the token's name (required)
 * @param authenticationMethod algorithm and public key (required)
 * @param description          a description, or null
 * @since 0.1
 */
public record CreateTokenRequest(String name, TokenAuthenticationMethod authenticationMethod, String description) {

    public CreateTokenRequest {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(authenticationMethod, "authenticationMethod cannot be null");
    }

    public static CreateTokenRequest of(String name, TokenSigningAlgorithm algorithm, PublicKeyInfo publicKey) {
        Objects.requireNonNull(algorithm, "algorithm cannot be null");
        Objects.requireNonNull(publicKey, "publicKey cannot be null");
        return new CreateTokenRequest(name, TokenAuthenticationMethod.privateKey(algorithm, publicKey), null);
    }

    public CreateTokenRequest withDescription(String value) {
        return new CreateTokenRequest(name, authenticationMethod, value);
    }
}
