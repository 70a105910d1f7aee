package io.latchkey.core.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the configurations of universal auth (with its client secrets), JWT auth and OIDC auth. Inserts
 * return false when the method is attached already, so two concurrent attaches cannot both succeed and
 * neither aborts the transaction it runs in.
 *
 * @since 0.1
 */
public interface IdentityAuthRepository {

    boolean insertUniversalAuth(UniversalAuthConfig config);

    Optional<UniversalAuthConfig> findUniversalAuth(String identityId);

    Optional<UniversalAuthConfig> findUniversalAuthByClientId(String clientId);

    boolean updateUniversalAuth(UniversalAuthConfig config);

    /** Removes universal auth with its client secrets. */
    boolean deleteUniversalAuth(String identityId);

    void insertClientSecret(ClientSecret secret);

    Optional<ClientSecret> findClientSecret(String identityId, String id);

    /** One indexed lookup by the secret's keyed hash. */
    Optional<ClientSecret> findClientSecretByHash(String secretHash);

    /** Client secrets of an identity, newest first. */
    List<ClientSecret> findClientSecrets(String identityId);

    boolean revokeClientSecret(String identityId, String id, Instant now);

    /**
     * Counts logins with client secrets, each in one atomic statement, in order, only while its secret is
     * not revoked and below its use limit; sent together (one round trip where the database allows). Per
     * use, false when it was refused. Batched by the group commit: see {@link io.latchkey.core.tx.BatchWrite}.
     */
    List<Boolean> consumeClientSecretUses(List<ClientSecretUse> uses);

    boolean insertExternalJwtAuth(ExternalJwtAuthConfig config);

    Optional<ExternalJwtAuthConfig> findExternalJwtAuth(String identityId, String method);

    boolean updateExternalJwtAuth(ExternalJwtAuthConfig config);

    boolean deleteExternalJwtAuth(String identityId, String method);
}
