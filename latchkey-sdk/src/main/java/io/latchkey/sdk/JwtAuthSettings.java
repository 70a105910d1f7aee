package io.latchkey.sdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * JWT-auth settings to attach or change ({@link JwtAuthApi#attach}, {@link JwtAuthApi#update}): where the
 * issuer's public keys come from ({@link #staticKeys} or {@link #jwksUrl}, exactly one, required on attach),
 * plus the bindings and token settings of {@link ExternalJwtSettings}. Start with {@link #defaults()}.
 *
 * <p>Custom CA certificates ({@code jwksCaCert}) are not offered: the server refuses them, so a JWKS URL
 * must present a certificate the server's JVM trusts. URLs must be https (plain http on loopback only).
 *
 * @since 0.1
 */
public final class JwtAuthSettings extends ExternalJwtSettings<JwtAuthSettings> {

    private JwtAuthSettings(Map<String, Object> members) {
        super(members);
    }

    /** Nothing set: on attach a key source is still needed. */
    public static JwtAuthSettings defaults() {
        return new JwtAuthSettings(Map.of());
    }

    /** The issuer's public keys as PEM ({@code -----BEGIN PUBLIC KEY-----}); RSA or EC. Replaces a JWKS URL. */
    public JwtAuthSettings staticKeys(List<String> pemPublicKeys) {
        Objects.requireNonNull(pemPublicKeys, "pemPublicKeys cannot be null");
        if (pemPublicKeys.isEmpty()) {
            throw new IllegalArgumentException("pemPublicKeys cannot be empty");
        }
        List<String> keys = pemPublicKeys.stream().map(k -> Objects.requireNonNull(k, "pemPublicKeys cannot contain null")).toList();
        return without("jwksUrl").with("configurationType", "static").with("publicKeys", keys);
    }

    /** The URL of the issuer's JWK set, fetched and cached by the server. Replaces static keys. */
    public JwtAuthSettings jwksUrl(String url) {
        return without("publicKeys").with("configurationType", "jwks").with("jwksUrl", Objects.requireNonNull(url, "url cannot be null").trim());
    }

    @Override
    JwtAuthSettings copy(Map<String, Object> members) {
        return new JwtAuthSettings(members);
    }
}
