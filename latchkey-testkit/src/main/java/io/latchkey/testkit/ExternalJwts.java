package io.latchkey.testkit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test helper for JWT auth and OIDC auth: JWTs of an outside issuer (a CI provider, your own token
 * service) signed with a locally generated RSA key ({@link ClientAssertions#rsaKey}), and that key's public
 * half as the PEM a static JWT-auth configuration takes.
 *
 * @since 0.1
 */
public final class ExternalJwts {
    private ExternalJwts() {
    }

    /**
     * An RS256 JWT with {@code iss}, {@code sub}, {@code aud}, {@code iat} now and {@code exp} in 5 minutes;
     * {@code customize} changes or adds claims (e.g. an expired {@code exp}, a claim a binding checks).
     */
    public static String rs256(RSAKey signer, String issuer, String subject, String audience,
                               Consumer<JWTClaimsSet.Builder> customize) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(List.of(audience))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        customize.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of {@code key} as a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo). */
    public static String publicPem(RSAKey key) {
        try {
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
