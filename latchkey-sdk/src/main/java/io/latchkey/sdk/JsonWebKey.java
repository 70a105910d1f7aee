package io.latchkey.sdk;

/**
 * A public key of the server's JWKS (RFC 7517). EC keys carry {@code crv}, {@code x}, {@code y}; RSA keys
 * carry {@code n}, {@code e}.
 *
 * @since 0.1
 */
public record JsonWebKey(String kty, String kid, String alg, String use, String crv, String x, String y, String n,
                         String e) {
}
