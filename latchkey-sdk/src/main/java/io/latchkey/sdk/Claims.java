package io.latchkey.sdk;

import io.latchkey.sdk.internal.JwtParts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The claims of a Latchkey access token, with typed accessors for the registered claims (RFC 7519 section
 * 4.1) and Latchkey's own ({@code token_use}, {@code principal_type}, {@code org_id}, {@code project_id},
 * {@code roles}, {@code scope}). Other claims (for example an access key's custom claims) are in
 * {@link #get(String)} and {@link #asMap()}.
 *
 * <p>Claims you can trust come from {@link TokenVerifier#verifyAccessToken(String)}.
 *
 * @since 0.1
 */
public final class Claims {
    private final Map<String, Object> values;

    /** Claims as decoded from a token's payload. */
    public Claims(Map<String, Object> values) {
        Objects.requireNonNull(values, "values cannot be null");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Reads a token's claims WITHOUT verifying its signature, issuer or expiry.
     *
     * <p>Warning: anyone can write a token with any claims. Use this only to display a token you obtained
     * yourself from the server (what {@code latchkey whoami} shows), never to decide whether a caller may
     * do something; for that, use {@link TokenVerifier}.
     *
     * @throws IllegalArgumentException when the text is not a compact JWT
     */
    public static Claims readUnverified(String token) {
        return new Claims(JwtParts.parse(token).payload());
    }

    public String issuer() {
        return string("iss");
    }

    public String subject() {
        return string("sub");
    }

    /** The audience, as a list whether the token carries a string or an array. */
    public List<String> audience() {
        Object aud = values.get("aud");
        if (aud instanceof String s) {
            return List.of(s);
        }
        return strings(aud);
    }

    public Instant expiresAt() {
        return instant("exp");
    }

    public Instant issuedAt() {
        return instant("iat");
    }

    public Instant notBefore() {
        return instant("nbf");
    }

    public String jwtId() {
        return string("jti");
    }

    /** What the token was minted for: {@code user}, {@code pat}, {@code project}, {@code identity}, {@code access_key}. */
    public String tokenUse() {
        return string("token_use");
    }

    /** The {@link AuthMode} of {@link #tokenUse()}, or null when the token has none Latchkey knows. */
    public AuthMode authMode() {
        return AuthMode.fromTokenUse(tokenUse());
    }

    public String principalType() {
        return string("principal_type");
    }

    public String orgId() {
        return string("org_id");
    }

    public String projectId() {
        return string("project_id");
    }

    public List<String> roles() {
        return strings(values.get("roles"));
    }

    public String scope() {
        return string("scope");
    }

    /** Any claim by name, as decoded from JSON, or null. */
    public Object get(String name) {
        return values.get(name);
    }

    /** Every claim. */
    public Map<String, Object> asMap() {
        return values;
    }

    private String string(String name) {
        Object v = values.get(name);
        return v instanceof String s ? s : null;
    }

    private Instant instant(String name) {
        Object v = values.get(name);
        return v instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
    }

    private static List<String> strings(Object v) {
        if (!(v instanceof List<?> l)) {
            return List.of();
        }
        return l.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    @Override
    public String toString() {
        return "Claims" + values;
    }
}
