package io.latchkey.core.auth;

import io.latchkey.core.token.AccessToken;

/**
 * A check run on every authenticated request after the token's signature, expiry, kind and revocation
 * were verified: for example, counting a machine-identity token's uses and matching the caller's address
 * against its trusted ranges (specs/infisical.md section 3.1, "Token use").
 *
 * <p>Implementations sit on the hot path of every request. They must return without touching storage for
 * tokens that carry no per-use restriction, and throw an {@code UNAUTHENTICATED} or {@code FORBIDDEN}
 * {@link io.latchkey.core.error.LatchkeyException} to refuse a request.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TokenUseCheck {

    /** Accepts every token. */
    TokenUseCheck NONE = (token, sourceIp) -> {
    };

    /**
     * @param sourceIp the caller's address as the HTTP layer determined it; null when unknown, in which
     *        case address-bound tokens must be refused
     */
    void check(AccessToken token, String sourceIp);
}
