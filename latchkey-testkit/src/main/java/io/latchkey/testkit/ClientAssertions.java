package io.latchkey.testkit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Test helper for personal access tokens: key pairs and client assertions as the IAM dialect's auth
 * provider builds them (specs/affinidi-iam.md section 5).
 *
 * @since 0.1
 */
public final class ClientAssertions {
    private ClientAssertions() {
    }

    public static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ecKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code publicKeyInfo} member of a token request: {@code {jwks: {keys: [public jwk]}}}. */
    public static Map<String, Object> publicKeyInfo(JWK key, String alg) {
        Map<String, Object> jwk = new java.util.LinkedHashMap<>(key.toPublicJWK().toJSONObject());
        jwk.put("alg", alg);
        jwk.put("use", "sig");
        return Map.of("jwks", Map.of("keys", java.util.List.of(jwk)));
    }

    /** An assertion with iss = sub = tokenId, the given audience, a 5-minute lifetime and a fresh jti. */
    public static String assertion(JWK key, String alg, String tokenId, String audience) {
        return assertion(key, alg, tokenId, audience, Instant.now(), 300, UUID.randomUUID() + " with spaces!");
    }

    public static String assertion(JWK key, String alg, String tokenId, String audience, Instant iat, long lifetimeSeconds,
                                   String jti) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(tokenId).subject(tokenId).audience(audience)
                    .issueTime(Date.from(iat)).expirationTime(Date.from(iat.plusSeconds(lifetimeSeconds))).jwtID(jti).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg)).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
