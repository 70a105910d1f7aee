package io.latchkey.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.latchkey.core.keys.LoadedKey;
import io.latchkey.core.token.JwsAlgorithm;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders key-ring keys as JWK sets.
 *
 * <p>INVARIANT: only public keys are serialised here. Each JWK is built from the {@code PublicKey} alone,
 * so no private member ({@code d}, {@code p}, {@code q}, ...) can reach the output even by mistake.
 *
 * @since 0.1
 */
public final class Jwks implements io.latchkey.core.keys.JwkSetPublisher {
    public Jwks() {
    }

    @Override
    public Map<String, Object> publicJwkSet(List<LoadedKey> keys) {
        return render(keys);
    }

    /** The public JWK of one key, as a JSON-ready map ({@code kid}, {@code kty}, {@code alg}, {@code use}, ...). */
    public static Map<String, Object> publicJwk(LoadedKey key) {
        return toPublicJwk(key).toJSONObject();
    }

    public static JWK toPublicJwk(LoadedKey key) {
        JWK jwk;
        if (key.algorithm().isEc()) {
            Curve crv = key.algorithm() == JwsAlgorithm.ES256 ? Curve.P_256 : Curve.P_521;
            jwk = new ECKey.Builder(crv, (ECPublicKey) key.publicKey()).keyID(key.kid())
                    .algorithm(JWSAlgorithm.parse(key.algorithm().name())).keyUse(KeyUse.SIGNATURE).build();
        } else {
            jwk = new RSAKey.Builder((RSAPublicKey) key.publicKey()).keyID(key.kid())
                    .algorithm(JWSAlgorithm.parse(key.algorithm().name())).keyUse(KeyUse.SIGNATURE).build();
        }
        if (jwk.isPrivate()) {
            throw new IllegalStateException("refusing to publish a private key");
        }
        return jwk;
    }

    /** A JWK set document {@code {"keys": [...]}} of the given keys, in the given order. */
    public static Map<String, Object> render(List<LoadedKey> keys) {
        List<Map<String, Object>> out = new ArrayList<>(keys.size());
        for (LoadedKey k : keys) {
            out.add(publicJwk(k));
        }
        return Map.of("keys", out);
    }
}
