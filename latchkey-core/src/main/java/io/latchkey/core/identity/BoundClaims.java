package io.latchkey.core.identity;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.token.VerifiedJwt;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an outside JWT must say to log in as an identity (JWT auth and OIDC auth): the issuer, one of the
 * audiences, the subject, and for each bound claim one of its allowed values. A bound value may end in
 * {@code *} to match by prefix. An unset binding (null or empty) accepts anything.
 *
 * <p>Also maps claims into the access token's metadata: {@code claimMetadataMapping} names, for each
 * metadata key, a claim (a dotted path reaches into nested objects).
 *
 * @since 0.1
 */
public record BoundClaims(String issuer, List<String> audiences, String subject, Map<String, List<String>> claims) {
    public BoundClaims {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    /** @throws LatchkeyException {@code credentials_invalid} naming the binding that did not hold */
    public void check(VerifiedJwt jwt) {
        if (issuer != null && !issuer.isEmpty() && !issuer.equals(jwt.issuer())) {
            throw refused("the token's issuer is not the bound issuer");
        }
        if (!audiences.isEmpty() && jwt.audience().stream().noneMatch(audiences::contains)) {
            throw refused("the token's audience is not one of the bound audiences");
        }
        if (subject != null && !subject.isEmpty() && !matches(subject, jwt.subject())) {
            throw refused("the token's subject is not the bound subject");
        }
        for (Map.Entry<String, List<String>> e : claims.entrySet()) {
            Object actual = lookup(jwt.claims(), e.getKey());
            if (!anyMatches(e.getValue(), actual)) {
                throw refused("the token's claim " + e.getKey() + " does not have a bound value");
            }
        }
    }

    /** Metadata for the access token: each key gets the text of its mapped claim, when present. */
    public static Map<String, String> metadata(VerifiedJwt jwt, Map<String, String> mapping) {
        Map<String, String> out = new LinkedHashMap<>();
        mapping.forEach((key, claim) -> {
            Object v = lookup(jwt.claims(), claim);
            if (v != null && !(v instanceof Map) && !(v instanceof Collection)) {
                out.put(key, v.toString());
            }
        });
        return out;
    }

    private static boolean anyMatches(List<String> allowed, Object actual) {
        if (actual instanceof Collection<?> c) {
            return c.stream().anyMatch(v -> anyMatches(allowed, v));
        }
        if (actual == null || actual instanceof Map) {
            return false;
        }
        String text = actual.toString();
        return allowed.stream().anyMatch(a -> matches(a, text));
    }

    private static boolean matches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(value);
    }

    private static Object lookup(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }

    private static LatchkeyException refused(String message) {
        return LatchkeyException.unauthenticated(ErrorCode.CREDENTIALS_INVALID, message);
    }
}
