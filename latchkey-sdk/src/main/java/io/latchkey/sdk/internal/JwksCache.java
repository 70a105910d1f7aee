package io.latchkey.sdk.internal;

import io.latchkey.sdk.JsonWebKeySet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The verification keys of a JWKS, fetched on first use, refetched after {@code ttl}, and refetched early
 * when a token names a kid the cache does not know (a key published after the last fetch), at most once
 * per {@code minRefetchInterval} so that tokens with made-up kids cannot make the service hammer the
 * server. When a refetch fails while keys are cached, the cached keys stay in use.
 *
 * @since 0.1
 */
public final class JwksCache {
    private final Supplier<JsonWebKeySet> fetch;
    private final Clock clock;
    private final Duration ttl;
    private final Duration minRefetchInterval;
    private volatile Snapshot snapshot;
    private Instant lastKidRefetch; // guarded by this
    private Instant lastFailedAt; // guarded by this
    private RuntimeException lastFailure; // guarded by this

    private record Snapshot(Map<String, VerificationKey> keys, Instant fetchedAt) {
    }

    public JwksCache(Supplier<JsonWebKeySet> fetch, Clock clock, Duration ttl, Duration minRefetchInterval) {
        this.fetch = Objects.requireNonNull(fetch, "fetch cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.ttl = Objects.requireNonNull(ttl, "ttl cannot be null");
        this.minRefetchInterval = Objects.requireNonNull(minRefetchInterval, "minRefetchInterval cannot be null");
    }

    /** The key with this kid, or null when the server does not publish one. */
    public VerificationKey find(String kid) {
        Snapshot s = snapshot;
        if (s == null || clock.instant().isAfter(s.fetchedAt().plus(ttl))) {
            s = refresh(s, false);
        }
        VerificationKey k = s.keys().get(kid);
        return k != null ? k : refresh(s, true).keys().get(kid);
    }

    /**
     * Fetches the set unless another thread already replaced {@code seen}. Refetches for an unknown kid
     * happen at most once per {@code minRefetchInterval}; so do attempts after a failed fetch. A failed
     * fetch keeps the cached keys, or throws when there are none.
     */
    private synchronized Snapshot refresh(Snapshot seen, boolean forUnknownKid) {
        Snapshot current = snapshot;
        if (current != null && current != seen) {
            return current;
        }
        Instant t = clock.instant();
        if (forUnknownKid) {
            if (lastKidRefetch != null && t.isBefore(lastKidRefetch.plus(minRefetchInterval))) {
                return current;
            }
            lastKidRefetch = t;
        } else if (lastFailure != null && t.isBefore(lastFailedAt.plus(minRefetchInterval))) {
            if (current != null) {
                return current;
            }
            throw lastFailure;
        }
        return load(current, t);
    }

    /** Called with the lock held. */
    private Snapshot load(Snapshot current, Instant t) {
        try {
            Snapshot fresh = new Snapshot(usable(fetch.get()), t);
            snapshot = fresh;
            lastFailure = null;
            return fresh;
        } catch (RuntimeException e) {
            lastFailure = e;
            lastFailedAt = t;
            if (current == null) {
                throw e;
            }
            return current;
        }
    }

    private static Map<String, VerificationKey> usable(JsonWebKeySet set) {
        return set.keys().stream().map(VerificationKey::from).flatMap(java.util.Optional::stream)
                .collect(Collectors.toUnmodifiableMap(VerificationKey::kid, Function.identity(), (a, b) -> a));
    }
}
