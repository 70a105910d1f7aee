package io.latchkey.sdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the server finds a personal access token's public key ({@code publicKeyInfo}): exactly one of an
 * inline JWK set, a JWK set URL, or (a Latchkey extension) a PEM public key.
 *
 * @param jwks    a JWK set ({@code {"keys": [...]}}), or null
 * @param jwksUri a URL serving the JWK set, or null
 * @param pem     a {@code -----BEGIN PUBLIC KEY-----} block, or null
 * @since 0.1
 */
public record PublicKeyInfo(Map<String, Object> jwks, String jwksUri, String pem) {

    public PublicKeyInfo {
        int given = (jwks != null ? 1 : 0) + (jwksUri != null ? 1 : 0) + (pem != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("publicKeyInfo must hold exactly one of jwks, jwksUri or pem");
        }
        jwks = jwks == null ? null : Map.copyOf(jwks);
    }

    /** An inline JWK set. */
    public static PublicKeyInfo jwks(Map<String, Object> jwks) {
        return new PublicKeyInfo(Objects.requireNonNull(jwks, "jwks cannot be null"), null, null);
    }

    /** A JWK set of one key, e.g. from {@link TokenKeys#jwk}. */
    public static PublicKeyInfo jwk(Map<String, Object> jwk) {
        return jwks(Map.of("keys", List.of(Objects.requireNonNull(jwk, "jwk cannot be null"))));
    }

    /** A URL the server fetches the JWK set from. */
    public static PublicKeyInfo jwksUri(String uri) {
        return new PublicKeyInfo(null, Objects.requireNonNull(uri, "uri cannot be null"), null);
    }

    /** A PEM public key (SubjectPublicKeyInfo). */
    public static PublicKeyInfo pem(String pem) {
        return new PublicKeyInfo(null, null, Objects.requireNonNull(pem, "pem cannot be null"));
    }

    /** The keys of the inline JWK set, or an empty list. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> keys() {
        Object keys = jwks == null ? null : jwks.get("keys");
        return keys instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
