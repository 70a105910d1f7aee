package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.SecretsWire;

/**
 * OIDC auth of machine identities ({@code /api/v1/auth/oidc-auth}), reached through
 * {@link LatchkeyClient#oidcAuth()}: a machine logs in with an ID token of an OIDC issuer (a CI provider's
 * job token, a cloud workload identity), whose keys the server finds through the issuer's discovery
 * document; the token's {@code iss} must be the document's issuer, and it must meet the bindings
 * (audiences, subject, claims). Attach, read, change and detach the configuration with a user or identity
 * token; {@link #login} needs no credentials. Only RS, PS and ES algorithms are accepted, and {@code exp}
 * is required.
 *
 * @since 0.1
 */
public final class OidcAuthApi {
    private final ExternalJwtAuthCalls<OidcAuth, SecretsWire.OidcAuthEnvelope> calls;

    OidcAuthApi(ApiExecutor executor) {
        this.calls = new ExternalJwtAuthCalls<>(executor, "oidc-auth", SecretsWire.OidcAuthEnvelope.class,
                SecretsWire.OidcAuthEnvelope::oidcAuth);
    }

    /**
     * Attaches OIDC auth to an identity.
     *
     * @param settings the discovery URL ({@link OidcAuthSettings#oidcDiscoveryUrl}) and optional bindings
     *                 and token settings
     * @throws BadRequestException when it is attached already
     * @throws ValidationException naming the field when the discovery URL is missing or not https, or a token
     *                             setting is out of range
     */
    public OidcAuth attach(String identityId, OidcAuthSettings settings) {
        return calls.attach(identityId, settings);
    }

    /** The configuration. */
    public OidcAuth get(String identityId) {
        return calls.get(identityId);
    }

    /** Changes the settings given; the others stay. Bound claims given replace the whole set. */
    public OidcAuth update(String identityId, OidcAuthSettings settings) {
        return calls.update(identityId, settings);
    }

    /** Detaches OIDC auth: the tokens it issued are revoked. */
    public OidcAuth revoke(String identityId) {
        return calls.revoke(identityId);
    }

    /**
     * Logs in with an ID token ({@code POST /api/v1/auth/oidc-auth/login}); sends no credentials and is never
     * retried.
     *
     * @throws UnauthorizedException when the token is not accepted for the identity (bad signature, expired,
     *                               wrong issuer, a binding not met, OIDC auth not attached); the message never
     *                               echoes it
     */
    public IdentityLogin login(String identityId, String jwt) {
        return calls.login(identityId, jwt);
    }
}
