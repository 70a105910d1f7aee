package io.latchkey.core.identity;

import io.latchkey.core.token.VerifiedJwt;

/**
 * Port: verifies JWTs minted by an outside issuer for JWT auth and OIDC auth, implemented with Nimbus in
 * latchkey-jose. It checks the signature with an asymmetric algorithm (never {@code none}, never an HMAC
 * whose key would be public), the time claims with the configured skew ({@code exp} is required), and for
 * {@link ExternalKeySource.OidcDiscovery} that {@code iss} is the discovered issuer. Bound claims are the
 * caller's business ({@link BoundClaims}).
 *
 * @since 0.1
 */
public interface ExternalJwtVerifier {

    /**
     * Checks at configuration time that a key source is usable: PEM keys parse, URLs are https (plain
     * http only on loopback). Does not contact the URLs.
     *
     * @throws io.latchkey.core.error.LatchkeyException {@code invalid_field} or {@code invalid_key_material}
     *         naming the member ({@code publicKeys[1]}, {@code jwksUrl}, {@code oidcDiscoveryUrl})
     */
    void validate(ExternalKeySource source);

    /**
     * @throws io.latchkey.core.error.LatchkeyException {@code credentials_invalid} (401) for any failure,
     *         with a message that never contains the token
     */
    VerifiedJwt verify(String jwt, ExternalKeySource source);
}
