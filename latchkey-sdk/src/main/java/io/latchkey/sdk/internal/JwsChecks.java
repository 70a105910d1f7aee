package io.latchkey.sdk.internal;

import io.latchkey.sdk.InvalidTokenException;
import io.latchkey.sdk.InvalidTokenException.Reason;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The steps every offline verifier of the SDK shares ({@link io.latchkey.sdk.TokenVerifier} for Latchkey
 * access tokens, {@link io.latchkey.sdk.AccessKeySessionVerifier} for access-key sessions): parse, pin the
 * algorithm, find the key by kid, check the signature with the JDK, check the times. Each throws
 * {@link InvalidTokenException} with a message that never contains the token.
 *
 * @since 0.1
 */
public final class JwsChecks {
    private JwsChecks() {
    }

    public static JwtParts parse(String token) {
        try {
            return JwtParts.parse(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.MALFORMED, "malformed token: " + e.getMessage(), e);
        }
    }

    /** The header's algorithm when it is one of {@code accepted}; {@code none} and HMAC never are (RFC 8725 section 3.1). */
    public static String algorithm(JwtParts jwt, Set<String> accepted) {
        String alg = jwt.headerString("alg");
        if (alg == null || !accepted.contains(alg)) {
            throw new InvalidTokenException(Reason.ALGORITHM_NOT_ALLOWED, "algorithm " + (alg == null ? "(missing)" : alg)
                    + " is not accepted; only " + String.join(" and ", new java.util.TreeSet<>(accepted)) + (accepted.size() > 1 ? " are" : " is"));
        }
        if (jwt.header().containsKey("crit")) {
            throw new InvalidTokenException(Reason.MALFORMED, "the token has critical header parameters this verifier"
                    + " does not understand (RFC 7515 section 4.1.11)");
        }
        return alg;
    }

    /** The published key named by the token's kid, which must verify {@code alg}. */
    public static VerificationKey key(JwtParts jwt, String alg, JwksCache keys) {
        String kid = jwt.headerString("kid");
        if (kid == null) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY, "the token names no key (kid)");
        }
        VerificationKey key = keys.find(kid);
        if (key == null) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY, "no published key has kid " + kid);
        }
        if (!key.algorithm().equals(alg)) {
            throw new InvalidTokenException(Reason.ALGORITHM_NOT_ALLOWED, "key " + kid + " verifies " + key.algorithm()
                    + ", not " + alg);
        }
        return key;
    }

    public static void signature(JwtParts jwt, VerificationKey key) {
        boolean ok;
        try {
            boolean ec = key.algorithm().equals(VerificationKey.ES256);
            Signature s = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
            s.initVerify(key.key());
            s.update(jwt.signingInput().getBytes(StandardCharsets.US_ASCII));
            ok = s.verify(ec ? EcdsaSignatures.joseToDer(jwt.signature(), 32) : jwt.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE, "the signature is malformed", e);
        }
        if (!ok) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE, "the signature does not match key " + key.kid());
        }
    }

    /** {@code exp} (when not null) and {@code nbf} (when not null) against now, with the skew. */
    public static void times(Instant exp, Instant nbf, Instant now, Duration clockSkew) {
        if (exp != null && !now.isBefore(exp.plus(clockSkew))) {
            // RFC 7519 section 4.1.4: reject at or after exp; the message never contains the token.
            throw new InvalidTokenException(Reason.EXPIRED, "the token expired at " + exp + ", "
                    + Duration.between(exp, now).toSeconds() + " s before now (" + now + "), beyond the allowed clock skew of "
                    + clockSkew.toSeconds() + " s");
        }
        if (nbf != null && now.plus(clockSkew).isBefore(nbf)) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID, "the token is not valid before " + nbf + " (now " + now
                    + ", clock skew " + clockSkew.toSeconds() + " s)");
        }
    }
}
