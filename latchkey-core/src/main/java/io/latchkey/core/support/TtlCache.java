package io.latchkey.core.support;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small bounded map whose entries expire a fixed time after they were put: the read paths' memory of
 * answers that storage would give again (who may see a project, a project's environments, a login's
 * credential rows). Entries are never refreshed in place; a miss reloads. When full, expired entries are
 * dropped first (one pass, so the map holds what was used within the TTL rather than everything ever
 * seen); if it is still full it is emptied at once, which bounds memory without bookkeeping and costs only
 * reloads.
 *
 * @since 0.1
 */
public final class TtlCache<K, V> {
    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Map<K, Entry<V>> map = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;

    public TtlCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttlMillis = Require.nonNull(ttl, "ttl").toMillis();
        this.maxEntries = maxEntries;
        this.clock = Require.nonNull(clock, "clock");
    }

    /** The live value for {@code key}, or null. */
    public V get(K key) {
        Entry<V> e = map.get(key);
        return e != null && clock.millis() < e.expiresAtMillis() ? e.value() : null;
    }

    /**
     * The live value for {@code key}, else what {@code load} finds, remembered only when it found something
     * (so a miss, an unknown credential for instance, asks storage every time).
     */
    public Optional<V> getOrLoad(K key, Function<K, Optional<V>> load) {
        V hit = get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<V> found = load.apply(key);
        found.ifPresent(v -> put(key, v));
        return found;
    }

    public void put(K key, V value) {
        makeRoom();
        map.put(key, new Entry<>(value, clock.millis() + ttlMillis));
    }

    private void makeRoom() {
        if (map.size() >= maxEntries) {
            long now = clock.millis();
            map.values().removeIf(e -> now >= e.expiresAtMillis());
            if (map.size() >= maxEntries) {
                map.clear();
            }
        }
    }

    /**
     * Puts {@code value} unless a live entry is there; returns whether it was put. Lets a reader that
     * looked in storage record its answer without overwriting what a concurrent writer put meanwhile.
     */
    public boolean putIfAbsent(K key, V value) {
        makeRoom();
        long now = clock.millis();
        Entry<V> fresh = new Entry<>(value, now + ttlMillis);
        return map.compute(key, (k, e) -> e == null || now >= e.expiresAtMillis() ? fresh : e) == fresh;
    }

    /** Forgets everything (after a change this node made, so that it sees its own write at once). */
    public void clear() {
        map.clear();
    }
}
