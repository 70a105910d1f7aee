package io.latchkey.core.keys;

import io.latchkey.core.token.JwsAlgorithm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable view of the key ring at one moment. Signers and verifiers read the current snapshot through
 * a volatile reference; a refresh swaps in a new one.
 *
 * <p>Published order matters: the IAM dialect's official auth provider takes {@code keys[0]} once and keeps
 * it for the life of its process, so the active ES256 key is always first, then the active RS256 key,
 * then the pre-published next keys, then retired keys still within their publication window.
 *
 * @since 0.1
 */
public final class KeyRingSnapshot {
    private final Map<JwsAlgorithm, LoadedKey> active;
    private final Map<String, LoadedKey> byKid;
    private final List<LoadedKey> all;

    public KeyRingSnapshot(List<LoadedKey> keys) {
        this.active = new EnumMap<>(JwsAlgorithm.class);
        this.byKid = new HashMap<>();
        List<LoadedKey> ordered = new ArrayList<>(keys);
        ordered.sort(Comparator.comparingInt(KeyRingSnapshot::rank));
        for (LoadedKey k : ordered) {
            byKid.put(k.kid(), k);
            if (k.status() == KeyStatus.ACTIVE) {
                active.put(k.algorithm(), k);
            }
        }
        this.all = List.copyOf(ordered);
    }

    private static int rank(LoadedKey k) {
        int statusRank = switch (k.status()) {
            case ACTIVE -> 0;
            case NEXT -> 10;
            case RETIRED -> 20;
        };
        return statusRank + (k.algorithm() == JwsAlgorithm.ES256 ? 0 : 1);
    }

    public LoadedKey active(JwsAlgorithm algorithm) {
        return active.get(algorithm);
    }

    /** Any key this instance trusts to verify its own tokens, including retired ones. */
    public LoadedKey byKid(String kid) {
        return kid == null ? null : byKid.get(kid);
    }

    /** Keys to publish at {@code now}, in publication order (see the class comment). */
    public List<LoadedKey> published(Instant now) {
        List<LoadedKey> out = new ArrayList<>(all.size());
        for (LoadedKey k : all) {
            if (k.status() != KeyStatus.RETIRED || (k.publishUntil() != null && k.publishUntil().isAfter(now))) {
                out.add(k);
            }
        }
        return out;
    }

    public List<LoadedKey> all() {
        return all;
    }
}
