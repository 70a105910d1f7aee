package io.latchkey.core.pat;

/**
 * Where a personal access token's public keys come from: an inline JWK set, a JWKS URL, or a PEM public key
 * (our extension). Values are stored as given (after validation) and shown back as stored.
 *
 * @since 0.1
 */
public sealed interface PublicKeyInfo {

    /** The storage name of the kind: {@code jwks}, {@code jwks_uri} or {@code pem}. */
    String source();

    /** The stored text: JWK set JSON, URL or PEM. */
    String material();

    static PublicKeyInfo of(String source, String material) {
        return switch (source) {
            case "jwks" -> new Jwks(material);
            case "jwks_uri" -> new JwksUri(material);
            case "pem" -> new Pem(material);
            default -> throw new IllegalArgumentException("unknown key source " + source);
        };
    }

    /** An inline JWK set, as JSON text with public members only. */
    record Jwks(String json) implements PublicKeyInfo {
        @Override
        public String source() {
            return "jwks";
        }

        @Override
        public String material() {
            return json;
        }
    }

    /** A URL serving the JWK set; fetched with a timeout and cached. */
    record JwksUri(String uri) implements PublicKeyInfo {
        @Override
        public String source() {
            return "jwks_uri";
        }

        @Override
        public String material() {
            return uri;
        }
    }

    /** A PEM-encoded SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}). */
    record Pem(String pem) implements PublicKeyInfo {
        @Override
        public String source() {
            return "pem";
        }

        @Override
        public String material() {
            return pem;
        }
    }
}
