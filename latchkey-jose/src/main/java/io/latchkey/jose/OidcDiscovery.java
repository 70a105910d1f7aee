package io.latchkey.jose;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads OpenID Connect discovery documents (OpenID Connect Discovery 1.0, section 4) for OIDC auth: the
 * {@code issuer} a token must name and the {@code jwks_uri} serving its keys. Cached for {@link #TTL};
 * when a refetch fails the last good document is kept.
 *
 * @since 0.1
 */
final class OidcDiscovery {
    static final Duration TTL = Duration.ofMinutes(5);
    static final String WELL_KNOWN = "/.well-known/openid-configuration";

    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /** What a discovery document says that verification needs. */
    record Document(String issuer, String jwksUri) {
    }

    private record Entry(Document document, Instant fetchedAt) {
    }

    OidcDiscovery(Clock clock) {
        this.clock = clock;
    }

    /** The document URL for a configured discovery URL: the issuer's well-known path unless given in full. */
    static String documentUrl(String configured) {
        String u = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        return u.endsWith(WELL_KNOWN) ? u : u + WELL_KNOWN;
    }

    Document document(String configured) {
        String url = documentUrl(configured);
        Instant now = clock.instant();
        Entry e = cache.get(url);
        if (e != null && e.fetchedAt().plus(TTL).isAfter(now)) {
            return e.document();
        }
        Document d = fetch(url);
        if (d == null) {
            if (e != null) {
                return e.document();
            }
            throw LatchkeyException.unauthenticated(ErrorCode.CREDENTIALS_INVALID, "the OIDC discovery document could not be read");
        }
        if (cache.size() > 1_000) {
            cache.clear();
        }
        cache.put(url, new Entry(d, now));
        return d;
    }

    private static Document fetch(String url) {
        String body = HttpDocuments.get(url);
        if (body == null) {
            return null;
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            String issuer = JSONObjectUtils.getString(json, "issuer");
            String jwksUri = JSONObjectUtils.getString(json, "jwks_uri");
            if (issuer == null || jwksUri == null) {
                return null;
            }
            RemoteJwks.checkUri(jwksUri, "jwks_uri");
            return new Document(issuer, jwksUri);
        } catch (ParseException | LatchkeyException e) {
            return null;
        }
    }
}
