package io.latchkey.core.identity;

import java.util.List;
import java.util.Optional;

/**
 * Port: machine identities, their token-auth configuration and their access-token records.
 *
 * @since 0.1
 */
public interface IdentityRepository {

    void insert(MachineIdentity identity);

    Optional<MachineIdentity> findById(String id);

    List<MachineIdentity> findByOrg(String orgId);

    boolean update(MachineIdentity identity);

    boolean delete(String id);

    void insertTokenAuth(TokenAuthConfig config);

    Optional<TokenAuthConfig> findTokenAuth(String identityId);

    void insertAccessToken(IdentityAccessToken token);

    Optional<IdentityAccessToken> findAccessToken(String id);
}
