package io.latchkey.sdk;

import java.util.Map;
import java.util.Objects;

/**
 * OIDC-auth settings to attach or change ({@link OidcAuthApi#attach}, {@link OidcAuthApi#update}): the
 * issuer's discovery URL (required on attach; the server reads {@code <url>/.well-known/openid-configuration}
 * for the issuer and its {@code jwks_uri}), plus the bindings and token settings of
 * {@link ExternalJwtSettings}. Start with {@link #defaults()}.
 *
 * <p>Custom CA certificates ({@code caCert}) are not offered: the server refuses them. The URL must be https
 * (plain http on loopback only).
 *
 * @since 0.1
 */
public final class OidcAuthSettings extends ExternalJwtSettings<OidcAuthSettings> {

    private OidcAuthSettings(Map<String, Object> members) {
        super(members);
    }

    /** Nothing set: on attach a discovery URL is still needed. */
    public static OidcAuthSettings defaults() {
        return new OidcAuthSettings(Map.of());
    }

    /** The issuer's URL, e.g. {@code https://token.actions.githubusercontent.com}. */
    public OidcAuthSettings oidcDiscoveryUrl(String url) {
        return with("oidcDiscoveryUrl", Objects.requireNonNull(url, "url cannot be null").trim());
    }

    @Override
    OidcAuthSettings copy(Map<String, Object> members) {
        return new OidcAuthSettings(members);
    }
}
