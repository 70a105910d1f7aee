package io.latchkey.jose;

import com.nimbusds.jose.jwk.JWK;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches JWK sets from URLs (personal access tokens registered with a {@code jwksUri}), with a timeout,
 * a size cap and a cache. An unknown kid triggers a refetch at most once per {@link #MIN_REFETCH}. URLs
 * must be https, except on loopback (local development and tests).
 *
 * @since 0.1
 */
public final class RemoteJwks {
    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration MIN_REFETCH = Duration.ofSeconds(30);

    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(List<JWK> keys, Instant fetchedAt) {
    }

    public RemoteJwks(Clock clock) {
        this.clock = clock;
    }

    static void checkUri(String uri, String field) {
        URI u;
        try {
            u = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw LatchkeyException.field(ErrorCode.INVALID_KEY_MATERIAL, field, field + " is not a valid URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        boolean ok = "https".equals(scheme) || ("http".equals(scheme) && NimbusClientKeys.isLoopback(u));
        if (!ok || u.getHost() == null || uri.length() > 2000) {
            throw LatchkeyException.field(ErrorCode.INVALID_KEY_MATERIAL, field, field + " must be an https URL");
        }
    }

    List<JWK> keys(String uri, String kid) {
        Instant now = clock.instant();
        Entry e = cache.get(uri);
        boolean fresh = e != null && e.fetchedAt().plus(TTL).isAfter(now);
        boolean kidKnown = e != null && (kid == null || e.keys().stream().anyMatch(k -> kid.equals(k.getKeyID())));
        boolean mayRefetch = e == null || e.fetchedAt().plus(MIN_REFETCH).isBefore(now);
        if (fresh && (kidKnown || !mayRefetch)) {
            return e.keys();
        }
        try {
            List<JWK> keys = fetch(uri);
            cache.put(uri, new Entry(keys, now));
            return keys;
        } catch (LatchkeyException ex) {
            if (e != null) {
                return e.keys();
            }
            throw ex;
        }
    }

    private List<JWK> fetch(String uri) {
        String body = HttpDocuments.get(uri);
        if (body == null) {
            throw unavailable();
        }
        return NimbusClientKeys.parseJwks(body, "jwksUri");
    }

    private static LatchkeyException unavailable() {
        return LatchkeyException.unauthenticated(ErrorCode.CLIENT_ASSERTION_INVALID, "the token's JWKS URL could not be read");
    }
}
