package io.latchkey.sdk.internal;

import io.latchkey.sdk.JsonWebKey;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * A public key from a JWKS, bound to the one algorithm it verifies. Only ES256 (P-256) and RS256 keys of
 * at least 2048 bits are usable; other keys of the set are skipped. An EC point is checked to lie on the
 * curve before it is trusted.
 *
 * @since 0.1
 */
public record VerificationKey(String kid, String algorithm, PublicKey key) {
    public static final String ES256 = "ES256";
    public static final String RS256 = "RS256";
    private static final int MIN_RSA_BITS = 2048;

    /** The usable key of a JWK, or empty when it is not an ES256/RS256 signing key. */
    public static Optional<VerificationKey> from(JsonWebKey jwk) {
        if (jwk.kid() == null || "enc".equals(jwk.use())) {
            return Optional.empty();
        }
        try {
            if ("EC".equals(jwk.kty()) && "P-256".equals(jwk.crv()) && algIs(jwk, ES256)) {
                return Optional.of(new VerificationKey(jwk.kid(), ES256, ecKey(jwk)));
            }
            if ("RSA".equals(jwk.kty()) && algIs(jwk, RS256)) {
                RSAPublicKey k = rsaKey(jwk);
                return k.getModulus().bitLength() >= MIN_RSA_BITS
                        ? Optional.of(new VerificationKey(jwk.kid(), RS256, k)) : Optional.empty();
            }
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean algIs(JsonWebKey jwk, String alg) {
        return jwk.alg() == null || alg.equals(jwk.alg());
    }

    private static PublicKey ecKey(JsonWebKey jwk) throws GeneralSecurityException {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(unsigned(jwk.x()), unsigned(jwk.y()));
        if (!onCurve(point, spec)) {
            throw new GeneralSecurityException("the EC point is not on P-256");
        }
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }

    private static RSAPublicKey rsaKey(JsonWebKey jwk) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(unsigned(jwk.n()), unsigned(jwk.e())));
    }

    /** y^2 = x^3 + ax + b (mod p), with both coordinates in the field. */
    static boolean onCurve(ECPoint point, ECParameterSpec spec) {
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.modPow(BigInteger.TWO, p);
        BigInteger right = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }
}
