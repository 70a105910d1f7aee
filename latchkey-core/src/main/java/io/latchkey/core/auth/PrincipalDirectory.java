package io.latchkey.core.auth;

import io.latchkey.core.identity.IdentityRepository;
import io.latchkey.core.org.OrgMembership;
import io.latchkey.core.org.OrganizationRepository;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.support.Require;
import io.latchkey.core.user.User;
import io.latchkey.core.user.UserRepository;
import io.latchkey.core.user.UserStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves a token's subject to its current state with a short-lived cache, so that authenticating a
 * request does not query storage every time, yet a disabled user or deleted identity stops working on
 * every node within {@link #TTL}. (Revocation of tokens is immediate through the revocation list; this
 * cache bounds how stale principal attributes may be.)
 *
 * @since 0.1
 */
public final class PrincipalDirectory {
    static final Duration TTL = Duration.ofSeconds(1);

    private final UserRepository users;
    private final IdentityRepository identities;
    private final OrganizationRepository organizations;
    private final Clock clock;
    private final Map<PrincipalType, Function<String, Optional<PrincipalInfo>>> loaders;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Optional<PrincipalInfo> info, Instant loadedAt) {
    }

    public PrincipalDirectory(UserRepository users, IdentityRepository identities, OrganizationRepository organizations,
                              Clock clock) {
        this.users = Require.nonNull(users, "users");
        this.identities = Require.nonNull(identities, "identities");
        this.organizations = Require.nonNull(organizations, "organizations");
        this.clock = Require.nonNull(clock, "clock");
        this.loaders = new ConcurrentHashMap<>(Map.of(
                PrincipalType.USER, this::loadUser,
                PrincipalType.IDENTITY, this::loadIdentity));
    }

    /** Registers how to resolve another principal type (personal access tokens, access keys). */
    public void register(PrincipalType type, Function<String, Optional<PrincipalInfo>> loader) {
        loaders.put(type, loader);
    }

    public Optional<PrincipalInfo> find(PrincipalType type, String id) {
        String key = type.wire() + ":" + id;
        Instant now = clock.instant();
        Entry e = cache.get(key);
        if (e != null && e.loadedAt().plus(TTL).isAfter(now)) {
            return e.info();
        }
        Function<String, Optional<PrincipalInfo>> loader = loaders.get(type);
        Optional<PrincipalInfo> info = loader == null ? Optional.empty() : loader.apply(id);
        if (cache.size() > 100_000) {
            cache.clear();
        }
        cache.put(key, new Entry(info, now));
        return info;
    }

    /** Forgets a principal on this node at once (after a change made here). */
    public void evict(PrincipalType type, String id) {
        cache.remove(type.wire() + ":" + id);
    }

    private Optional<PrincipalInfo> loadUser(String id) {
        return users.findById(id).map(this::userInfo);
    }

    private PrincipalInfo userInfo(User u) {
        List<OrgMembership> m = organizations.findMembershipsOf(PrincipalType.USER, u.id());
        String orgId = m.isEmpty() ? null : m.get(0).orgId();
        return new PrincipalInfo(PrincipalType.USER, u.id(), orgId, u.status() == UserStatus.ACTIVE, u.superAdmin());
    }

    private Optional<PrincipalInfo> loadIdentity(String id) {
        return identities.findById(id).map(i -> new PrincipalInfo(PrincipalType.IDENTITY, i.id(), i.orgId(), true,
                i.instanceAdmin()));
    }
}
