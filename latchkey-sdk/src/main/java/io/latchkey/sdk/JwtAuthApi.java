package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.SecretsWire;

/**
 * JWT auth of machine identities ({@code /api/v1/auth/jwt-auth}), reached through
 * {@link LatchkeyClient#jwtAuth()}: a machine logs in with a JWT of an issuer you run, checked against
 * PEM public keys or a JWK set URL, its bindings (issuer, audiences, subject, claims) and expiry. Attach,
 * read, change and detach the configuration with a user or identity token; {@link #login} needs no
 * credentials. Only RS, PS and ES algorithms are accepted, and {@code exp} is required.
 *
 * <p>For an issuer that publishes an OIDC discovery document (a CI provider, a cloud), prefer
 * {@link OidcAuthApi}: its keys follow the issuer's rotation by themselves.
 *
 * @since 0.1
 */
public final class JwtAuthApi {
    private final ExternalJwtAuthCalls<JwtAuth, SecretsWire.JwtAuthEnvelope> calls;

    JwtAuthApi(ApiExecutor executor) {
        this.calls = new ExternalJwtAuthCalls<>(executor, "jwt-auth", SecretsWire.JwtAuthEnvelope.class,
                SecretsWire.JwtAuthEnvelope::jwtAuth);
    }

    /**
     * Attaches JWT auth to an identity.
     *
     * @param settings a key source ({@link JwtAuthSettings#staticKeys} or {@link JwtAuthSettings#jwksUrl}) and
     *                 optional bindings and token settings
     * @throws BadRequestException when it is attached already
     * @throws ValidationException naming the field when the key source is missing or invalid (not PEM, not
     *                             https) or a token setting is out of range
     */
    public JwtAuth attach(String identityId, JwtAuthSettings settings) {
        return calls.attach(identityId, settings);
    }

    /** The configuration. */
    public JwtAuth get(String identityId) {
        return calls.get(identityId);
    }

    /** Changes the settings given; the others stay. Bound claims given replace the whole set. */
    public JwtAuth update(String identityId, JwtAuthSettings settings) {
        return calls.update(identityId, settings);
    }

    /** Detaches JWT auth: the tokens it issued are revoked. */
    public JwtAuth revoke(String identityId) {
        return calls.revoke(identityId);
    }

    /**
     * Logs in with a JWT ({@code POST /api/v1/auth/jwt-auth/login}); sends no credentials and is never retried.
     *
     * @throws UnauthorizedException when the JWT is not accepted for the identity (bad signature, expired,
     *                               a binding not met, JWT auth not attached); the message never echoes it
     */
    public IdentityLogin login(String identityId, String jwt) {
        return calls.login(identityId, jwt);
    }
}
