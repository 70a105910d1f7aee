package io.latchkey.core.identity;

import java.time.Instant;
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

    /**
     * Identities of an organization whose name contains {@code nameContains} (case-insensitive; null or
     * empty for all), ordered by name then id.
     */
    List<MachineIdentity> search(String orgId, String nameContains, int offset, int limit);

    /** How many identities {@link #search} would find without paging. */
    long count(String orgId, String nameContains);

    /** The wire names of the auth methods attached to the identity ({@code token-auth}, ...), sorted. */
    List<String> authMethodsOf(String identityId);

    boolean update(MachineIdentity identity);

    boolean delete(String id);

    void insertTokenAuth(TokenAuthConfig config);

    /** Like {@link #insertTokenAuth} but returns false instead of failing when token auth is attached already. */
    boolean insertTokenAuthIfAbsent(TokenAuthConfig config);

    Optional<TokenAuthConfig> findTokenAuth(String identityId);

    boolean updateTokenAuth(TokenAuthConfig config);

    boolean deleteTokenAuth(String identityId);

    void insertAccessToken(IdentityAccessToken token);

    /** Inserts sessions, sent together (one round trip where the database allows); true for each inserted. */
    List<Boolean> insertAccessTokens(List<IdentityAccessToken> tokens);

    Optional<IdentityAccessToken> findAccessToken(String id);

    /** Tokens of an identity obtained through {@code authMethod}, newest first. */
    List<IdentityAccessToken> findAccessTokens(String identityId, String authMethod, int offset, int limit);

    /** Records a renewal: the session's latest expiry (null = none) and when it was renewed. */
    boolean renewAccessToken(String id, Instant expiresAt, Instant renewedAt);

    boolean renameAccessToken(String id, String name, Instant now);

    /** Marks a session revoked; false when it does not exist or was revoked already. */
    boolean revokeAccessToken(String id, Instant now);

    /**
     * Marks every live session of the identity obtained through {@code authMethod} (null = any) revoked and
     * returns them as they were, so that their ids can go on the shared revocation list.
     */
    List<IdentityAccessToken> revokeAccessTokens(String identityId, String authMethod, Instant now);

    /**
     * Counts one use of a session in one atomic statement, only while it is not revoked and below its use
     * limit. False when the use was refused.
     */
    boolean consumeAccessTokenUse(String id);
}
