package io.latchkey.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.pat.ClientKeys;
import io.latchkey.core.pat.PublicKeyInfo;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.VerifiedJwt;

import java.net.URI;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-assertion keys with Nimbus JOSE: validation of JWK sets, JWKS URLs and PEM public keys when a
 * personal access token is created or updated, and signature verification of its client assertions.
 *
 * <p>Verification is on the hot path of the token endpoint, so parsed keys and verifiers are cached per
 * key-material version (the token id and its update time); the first assertion after an update parses
 * once.
 *
 * @since 0.1
 */
public final class NimbusClientKeys implements ClientKeys {
    private static final int MIN_RSA_BITS = 2048;

    private final RemoteJwks remote;
    private final Map<String, List<JWK>> keyCache = new ConcurrentHashMap<>();
    private final Map<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();
    private final Provider provider;

    public NimbusClientKeys(RemoteJwks remote) {
        this(remote, null);
    }

    /**
     * @param provider the JCA provider for assertion signatures ({@link CryptoProvider}), or {@code null} for
     *                 the JDK's default lookup
     */
    public NimbusClientKeys(RemoteJwks remote, Provider provider) {
        this.remote = remote;
        this.provider = provider;
    }

    @Override
    public PublicKeyInfo validate(JwsAlgorithm algorithm, PublicKeyInfo info, String field) {
        if (info == null) {
            throw LatchkeyException.missingField(field);
        }
        if (info instanceof PublicKeyInfo.Jwks j) {
            List<JWK> keys = parseJwks(j.json(), field + ".jwks");
            for (int i = 0; i < keys.size(); i++) {
                checkKey(keys.get(i), algorithm, field + ".jwks.keys[" + i + "]");
            }
            return j;
        }
        if (info instanceof PublicKeyInfo.JwksUri u) {
            RemoteJwks.checkUri(u.uri(), field + ".jwksUri");
            return u;
        }
        PublicKeyInfo.Pem p = (PublicKeyInfo.Pem) info;
        PublicKey key = Pem.parsePublicKey(p.pem(), field + ".pem");
        checkKey(toJwk(key, null), algorithm, field + ".pem");
        return p;
    }

    @Override
    public VerifiedJwt verifySignature(String assertion, JwsAlgorithm algorithm, PublicKeyInfo info, String cacheKey) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(assertion);
        } catch (ParseException e) {
            throw invalid("client_assertion is not a signed JWT");
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (alg == null || !alg.getName().equals(algorithm.name())) {
            throw invalid("client_assertion must be signed with " + algorithm.name() + ", the token's signing algorithm");
        }
        String kid = jwt.getHeader().getKeyID();
        JWK key = select(keys(info, cacheKey, kid), kid);
        JWSVerifier verifier = verifiers.computeIfAbsent(key, this::verifier);
        boolean ok;
        try {
            ok = jwt.verify(verifier);
        } catch (JOSEException e) {
            ok = false;
        }
        if (!ok) {
            throw invalid("client_assertion signature is invalid");
        }
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return NimbusTokenCodec.toVerified(kid, algorithm, claims);
        } catch (ParseException e) {
            throw invalid("client_assertion claims are malformed");
        }
    }

    private List<JWK> keys(PublicKeyInfo info, String cacheKey, String kid) {
        if (info instanceof PublicKeyInfo.JwksUri u) {
            return remote.keys(u.uri(), kid);
        }
        return keyCache.computeIfAbsent(cacheKey, k -> {
            if (keyCache.size() > 10_000) {
                keyCache.clear();
                verifiers.clear();
            }
            if (info instanceof PublicKeyInfo.Jwks j) {
                return parseJwks(j.json(), "jwks");
            }
            return List.of(toJwk(Pem.parsePublicKey(((PublicKeyInfo.Pem) info).pem(), "pem"), null));
        });
    }

    /** The key named by kid; else the only key; else none. */
    private static JWK select(List<JWK> keys, String kid) {
        if (kid != null) {
            for (JWK k : keys) {
                if (kid.equals(k.getKeyID())) {
                    return k;
                }
            }
        }
        if (keys.size() == 1) {
            return keys.get(0);
        }
        throw invalid("no key of the token matches the assertion's kid");
    }

    private JWSVerifier verifier(JWK key) {
        try {
            JWSVerifier v = key instanceof RSAKey r ? new RSASSAVerifier(r) : new ECDSAVerifier((ECKey) key);
            if (provider != null) {
                v.getJCAContext().setProvider(provider);
            }
            return v;
        } catch (JOSEException e) {
            throw invalid("the token's key cannot verify signatures");
        }
    }

    static List<JWK> parseJwks(String json, String field) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw keyError(field, field + " is not a valid JWK set");
        }
        if (set.getKeys().isEmpty()) {
            throw keyError(field + ".keys", field + ".keys must hold at least one key");
        }
        if (set.getKeys().size() > 20) {
            throw keyError(field + ".keys", field + ".keys may hold at most 20 keys");
        }
        return set.getKeys();
    }

    private static void checkKey(JWK key, JwsAlgorithm algorithm, String field) {
        if (key.isPrivate()) {
            throw keyError(field, field + " contains private key members; send the public key only");
        }
        String expectedKty = algorithm.keyType();
        if (!expectedKty.equals(key.getKeyType().getValue())) {
            throw keyError(field, field + " is a " + key.getKeyType().getValue() + " key but " + algorithm.name()
                    + " needs an " + expectedKty + " key");
        }
        if (key instanceof ECKey ec) {
            Curve expected = algorithm == JwsAlgorithm.ES256 ? Curve.P_256 : Curve.P_521;
            if (!expected.equals(ec.getCurve())) {
                throw keyError(field, field + " uses curve " + ec.getCurve() + " but " + algorithm.name() + " needs " + expected);
            }
        }
        if (key instanceof RSAKey rsa && rsa.size() < MIN_RSA_BITS) {
            throw keyError(field, field + " is an RSA key of " + rsa.size() + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(algorithm.name())) {
            throw keyError(field, field + " declares alg " + key.getAlgorithm().getName() + " but the token uses " + algorithm.name());
        }
    }

    static JWK toJwk(PublicKey key, String kid) {
        if (key instanceof RSAPublicKey r) {
            return new RSAKey.Builder(r).keyID(kid).build();
        }
        if (key instanceof ECPublicKey ec) {
            try {
                return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).keyID(kid).build();
            } catch (RuntimeException e) {
                throw keyError("pem", "the PEM key uses an unsupported curve");
            }
        }
        throw keyError("pem", "the PEM key must be an RSA or EC public key");
    }

    static LatchkeyException keyError(String field, String message) {
        return LatchkeyException.field(ErrorCode.INVALID_KEY_MATERIAL, field, message);
    }

    private static LatchkeyException invalid(String message) {
        return LatchkeyException.unauthenticated(ErrorCode.CLIENT_ASSERTION_INVALID, message);
    }

    static boolean isLoopback(URI uri) {
        String h = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }
}
