package io.latchkey.core.identity.auth;

import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.principal.RequestMeta;

import java.util.Optional;

/**
 * The plug-in point of machine-identity logins: one implementation per login method, registered in
 * {@link IdentityAuthMethods} under its wire name and reached at {@code POST /api/v1/auth/<name>/login}.
 * Adding a method means one implementation and one registration; the endpoint, the token it issues, the
 * per-address throttle and the audit events are shared ({@link IdentityLoginService}).
 *
 * <p>An implementation only proves who is logging in: it checks the credentials and returns the identity
 * with the settings of the token to issue. It throws an {@code UNAUTHENTICATED}
 * {@link io.latchkey.core.error.LatchkeyException} (401) for any bad credential, with a message that never
 * contains a secret and does not tell an unknown identity from a wrong secret.
 *
 * @since 0.1
 */
public interface IdentityAuthMethod {

    /** The wire name, e.g. {@code universal-auth}. */
    String name();

    /**
     * What the request names as the one logging in (a client id, an identity id), for audit events and
     * lockouts. Never a secret. Null when the request names nothing.
     */
    String subjectOf(LoginCredentials credentials);

    /**
     * The identity the request claims to log in as, looked up without verifying anything, so that a failed
     * attempt is filed under that identity's organization (its administrators see attacks on it). Empty
     * when the request names no existing identity.
     */
    Optional<MachineIdentity> claimedIdentity(LoginCredentials credentials);

    /** Verifies the credentials. */
    LoginGrant authenticate(LoginCredentials credentials, RequestMeta meta);
}
