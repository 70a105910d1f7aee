package io.latchkey.core.identity;

import java.util.List;

/**
 * Where the public keys that sign an outside issuer's JWTs come from (JWT auth and OIDC auth): PEM keys
 * configured on the identity, a JWKS URL, or an OIDC discovery document whose {@code jwks_uri} names them.
 *
 * @since 0.1
 */
public sealed interface ExternalKeySource {

    /** Public keys as PEM ({@code -----BEGIN PUBLIC KEY-----}); JWT auth's {@code configurationType: "static"}. */
    record StaticKeys(List<String> pemKeys) implements ExternalKeySource {
        public StaticKeys {
            pemKeys = List.copyOf(pemKeys);
        }
    }

    /** A JWK set URL; JWT auth's {@code configurationType: "jwks"}. */
    record JwksUrl(String url) implements ExternalKeySource {
    }

    /**
     * An OIDC discovery URL: either the issuer (then {@code /.well-known/openid-configuration} is appended)
     * or the full document URL. The JWT's {@code iss} must equal the document's {@code issuer}.
     */
    record OidcDiscovery(String url) implements ExternalKeySource {
    }
}
