package io.latchkey.core.identity;

import io.latchkey.core.support.Require;
import io.latchkey.core.support.TtlCache;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The universal-auth login's memory of the three rows it reads: the configuration by client id, the client
 * secret by its keyed hash and the machine identity. A login that hit storage for all three spent more on
 * those reads than on signing its token; a service logging in many times a second now reads them once per
 * {@link #TTL}.
 *
 * <p>What this may and may not make stale:
 * <ul>
 *   <li>Revocation never: a revoked or deleted client secret, detached universal auth and a deleted identity
 *       are refused by the atomic use count that every login commits
 *       ({@link IdentityAuthRepository#consumeClientSecretUses}: only a present, unrevoked secret under its
 *       limit is counted, and detaching or deleting removes the secret), whatever this cache holds.</li>
 *   <li>Settings (trusted addresses, lockout policy, token lifetimes) and identity attributes: changes made
 *       on this node apply at once ({@link #forget} after the change commits); changes made on another node
 *       within {@link #TTL}, the bound {@code PrincipalDirectory} and policy changes already have.</li>
 * </ul>
 * Only rows that were found are remembered: an unknown client id or a wrong secret is looked up every time.
 *
 * @since 0.1
 */
public final class IdentityLookups {
    public static final Duration TTL = Duration.ofSeconds(1);
    /** Rows remembered at most per kind: those used within the last second (a few hundred bytes each). */
    private static final int MAX_ENTRIES = 4_096;

    private final IdentityAuthRepository configs;
    private final IdentityRepository identities;
    private final TtlCache<String, UniversalAuthConfig> byClientId;
    private final TtlCache<String, ClientSecret> secretsByHash;
    private final TtlCache<String, MachineIdentity> identitiesById;

    public IdentityLookups(IdentityAuthRepository configs, IdentityRepository identities, Clock clock) {
        this.configs = Require.nonNull(configs, "configs");
        this.identities = Require.nonNull(identities, "identities");
        Require.nonNull(clock, "clock");
        this.byClientId = new TtlCache<>(TTL, MAX_ENTRIES, clock);
        this.secretsByHash = new TtlCache<>(TTL, MAX_ENTRIES, clock);
        this.identitiesById = new TtlCache<>(TTL, MAX_ENTRIES, clock);
    }

    public Optional<UniversalAuthConfig> universalAuthByClientId(String clientId) {
        return byClientId.getOrLoad(clientId, configs::findUniversalAuthByClientId);
    }

    /**
     * The client secret with this keyed hash. Its use count may be up to {@link #TTL} old: the atomic use
     * count at issue is the check that holds.
     */
    public Optional<ClientSecret> clientSecretByHash(String secretHash) {
        return secretsByHash.getOrLoad(secretHash, configs::findClientSecretByHash);
    }

    public Optional<MachineIdentity> identity(String id) {
        return identitiesById.getOrLoad(id, identities::findById);
    }

    /** Forgets everything: called after this node changes an identity, its universal auth or its client secrets. */
    public void forget() {
        byClientId.clear();
        secretsByHash.clear();
        identitiesById.clear();
    }
}
