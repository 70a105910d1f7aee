package io.latchkey.core.identity.auth;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.AuthMethodNames;
import io.latchkey.core.identity.BoundClaims;
import io.latchkey.core.identity.ExternalJwtAuthConfig;
import io.latchkey.core.identity.ExternalJwtVerifier;
import io.latchkey.core.identity.IdentityAuthRepository;
import io.latchkey.core.identity.IdentityRepository;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.VerifiedJwt;

import java.util.Optional;

/**
 * JWT-auth and OIDC-auth login ({@code {identityId, jwt}}): the JWT of an outside issuer is verified
 * against the identity's key source ({@link ExternalJwtVerifier}), must satisfy its bindings
 * ({@link BoundClaims}), and its mapped claims become the access token's {@code metadata}. One class serves
 * both methods; they differ in configuration only.
 *
 * @since 0.1
 */
public final class ExternalJwtAuthMethod implements IdentityAuthMethod {
    public static final String INVALID = "the JWT was not accepted for this identity";

    private final String name;
    private final IdentityAuthRepository configs;
    private final IdentityRepository identities;
    private final ExternalJwtVerifier verifier;

    /** @param name {@link AuthMethodNames#JWT_AUTH} or {@link AuthMethodNames#OIDC_AUTH} */
    public ExternalJwtAuthMethod(String name, IdentityAuthRepository configs, IdentityRepository identities,
                                 ExternalJwtVerifier verifier) {
        this.name = Require.nonBlank(name, "name");
        if (!AuthMethodNames.JWT_AUTH.equals(name) && !AuthMethodNames.OIDC_AUTH.equals(name)) {
            throw new IllegalArgumentException("name must be jwt-auth or oidc-auth");
        }
        this.configs = Require.nonNull(configs, "configs");
        this.identities = Require.nonNull(identities, "identities");
        this.verifier = Require.nonNull(verifier, "verifier");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String subjectOf(LoginCredentials credentials) {
        return credentials.optional("identityId");
    }

    @Override
    public Optional<MachineIdentity> claimedIdentity(LoginCredentials credentials) {
        String identityId = credentials.optional("identityId");
        return identityId == null ? Optional.empty() : identities.findById(identityId);
    }

    @Override
    public LoginGrant authenticate(LoginCredentials credentials, RequestMeta meta) {
        String identityId = credentials.require("identityId");
        String jwt = credentials.require("jwt");
        ExternalJwtAuthConfig config = configs.findExternalJwtAuth(identityId, name)
                .orElseThrow(() -> LatchkeyException.unauthenticated(ErrorCode.CREDENTIALS_INVALID, INVALID));
        VerifiedJwt verified = verifier.verify(jwt, config.keySource());
        config.bindings().check(verified);
        MachineIdentity identity = identities.findById(config.identityId())
                .orElseThrow(() -> LatchkeyException.unauthenticated(ErrorCode.CREDENTIALS_INVALID, INVALID));
        return new LoginGrant(identity, config.tokens(), BoundClaims.metadata(verified, config.claimMetadataMapping()), null);
    }
}
