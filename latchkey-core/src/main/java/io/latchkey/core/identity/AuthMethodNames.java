package io.latchkey.core.identity;

import java.util.List;

/**
 * The wire names of machine-identity auth methods (seed 003's twelve), as they appear in paths
 * ({@code /api/v1/auth/<name>/login}), in an identity's {@code authMethods} and in tokens'
 * {@code auth_method} claim.
 *
 * @since 0.1
 */
public final class AuthMethodNames {
    public static final String TOKEN_AUTH = "token-auth";
    public static final String UNIVERSAL_AUTH = "universal-auth";
    public static final String JWT_AUTH = "jwt-auth";
    public static final String OIDC_AUTH = "oidc-auth";
    /** Methods of the vendor that this instance does not offer; they answer "method not enabled". */
    public static final List<String> NOT_ENABLED = List.of("aws-auth", "gcp-auth", "azure-auth", "kubernetes-auth",
            "ldap-auth", "tls-cert-auth", "oci-auth", "alicloud-auth");

    private AuthMethodNames() {
    }
}
