package io.latchkey.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.ExternalJwtVerifier;
import io.latchkey.core.identity.ExternalKeySource;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.VerifiedJwt;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ExternalJwtVerifier} with Nimbus JOSE: JWTs of outside issuers for JWT auth and OIDC auth.
 *
 * <p>Accepted algorithms are the asymmetric ones issuers use (RS, PS and ES with SHA-256/384/512). HMAC is
 * refused: its key would have to be configured on the identity and anyone who can read the configuration
 * could mint tokens; {@code none} is refused because it is no signature. The key is the one named by the
 * header's {@code kid}, else every configured key of the algorithm's type is tried (static PEM keys carry no
 * kid). JWKS URLs and discovery documents are fetched with a timeout and a size cap and cached
 * ({@link RemoteJwks}, {@link OidcDiscovery}); static keys are parsed once per key set.
 *
 * <p>Time claims: {@code exp} is required and checked with the configured skew, as are {@code nbf} and
 * {@code iat} when present. Error messages never contain the token.
 *
 * @since 0.1
 */
public final class NimbusExternalJwtVerifier implements ExternalJwtVerifier {
    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    private static final int MAX_STATIC_CACHE = 1_000;

    private final RemoteJwks remote;
    private final OidcDiscovery discovery;
    private final Clock clock;
    private final Duration skew;
    private final Map<List<String>, List<JWK>> staticKeys = new ConcurrentHashMap<>();

    public NimbusExternalJwtVerifier(RemoteJwks remote, Clock clock, Duration skew) {
        this.remote = Require.nonNull(remote, "remote");
        this.clock = Require.nonNull(clock, "clock");
        this.skew = Require.nonNull(skew, "skew");
        this.discovery = new OidcDiscovery(clock);
    }

    @Override
    public void validate(ExternalKeySource source) {
        Require.nonNull(source, "source");
        if (source instanceof ExternalKeySource.StaticKeys s) {
            for (int i = 0; i < s.pemKeys().size(); i++) {
                NimbusClientKeys.toJwk(Pem.parsePublicKey(s.pemKeys().get(i), "publicKeys[" + i + "]"), null);
            }
        } else if (source instanceof ExternalKeySource.JwksUrl j) {
            RemoteJwks.checkUri(j.url(), "jwksUrl");
        } else {
            RemoteJwks.checkUri(((ExternalKeySource.OidcDiscovery) source).url(), "oidcDiscoveryUrl");
        }
    }

    @Override
    public VerifiedJwt verify(String jwt, ExternalKeySource source) {
        SignedJWT signed;
        try {
            signed = SignedJWT.parse(jwt);
        } catch (ParseException e) {
            throw invalid("the JWT is not a signed JWT");
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (alg == null || !ALLOWED.contains(alg)) {
            throw invalid("the JWT's algorithm is not accepted (use RS, PS or ES with SHA-256, 384 or 512)");
        }
        OidcDiscovery.Document oidc = source instanceof ExternalKeySource.OidcDiscovery d ? discovery.document(d.url()) : null;
        String kid = signed.getHeader().getKeyID();
        if (!verifiedByAny(signed, candidates(keys(source, oidc, kid), kid, alg))) {
            throw invalid("the JWT's signature does not verify with the configured keys");
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("the JWT's claims are malformed");
        }
        checkTimes(claims);
        if (oidc != null && !oidc.issuer().equals(claims.getIssuer())) {
            throw invalid("the JWT's issuer is not the issuer of the OIDC discovery document");
        }
        return NimbusTokenCodec.toVerified(kid, NimbusTokenCodec.algorithm(alg), claims);
    }

    private List<JWK> keys(ExternalKeySource source, OidcDiscovery.Document oidc, String kid) {
        try {
            if (source instanceof ExternalKeySource.StaticKeys s) {
                if (staticKeys.size() > MAX_STATIC_CACHE) {
                    staticKeys.clear();
                }
                return staticKeys.computeIfAbsent(s.pemKeys(), NimbusExternalJwtVerifier::parseStatic);
            }
            String uri = oidc != null ? oidc.jwksUri() : ((ExternalKeySource.JwksUrl) source).url();
            return remote.keys(uri, kid);
        } catch (LatchkeyException e) {
            // The remote fetch reports in the client-assertion vocabulary; this is a login.
            throw invalid("the issuer's keys could not be read");
        }
    }

    private static List<JWK> parseStatic(List<String> pems) {
        List<JWK> out = new ArrayList<>(pems.size());
        for (int i = 0; i < pems.size(); i++) {
            out.add(NimbusClientKeys.toJwk(Pem.parsePublicKey(pems.get(i), "publicKeys[" + i + "]"), null));
        }
        return out;
    }

    /** The key named by kid when one matches; else every key of the algorithm's key type. */
    private static List<JWK> candidates(List<JWK> keys, String kid, JWSAlgorithm alg) {
        KeyType type = JWSAlgorithm.Family.EC.contains(alg) ? KeyType.EC : KeyType.RSA;
        List<JWK> typed = keys.stream().filter(k -> type.equals(k.getKeyType())).toList();
        if (kid != null) {
            List<JWK> named = typed.stream().filter(k -> kid.equals(k.getKeyID())).toList();
            if (!named.isEmpty()) {
                return named;
            }
        }
        return typed;
    }

    private static boolean verifiedByAny(SignedJWT jwt, List<JWK> keys) {
        for (JWK key : keys) {
            try {
                JWSVerifier v = key instanceof RSAKey r ? new RSASSAVerifier(r) : new ECDSAVerifier((ECKey) key);
                if (jwt.verify(v)) {
                    return true;
                }
            } catch (JOSEException | IllegalStateException e) {
                // A key that cannot verify this algorithm (e.g. the wrong curve) simply does not match.
            }
        }
        return false;
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null) {
            throw invalid("the JWT has no exp claim");
        }
        Instant exp = claims.getExpirationTime().toInstant();
        // RFC 7519 section 4.1.4: reject on or after exp, with the configured skew.
        if (!now.isBefore(exp.plus(skew))) {
            throw invalid("the JWT expired " + Duration.between(exp, now).toSeconds() + " s ago (allowed skew "
                    + skew.toSeconds() + " s)");
        }
        if (claims.getNotBeforeTime() != null && now.plus(skew).isBefore(claims.getNotBeforeTime().toInstant())) {
            throw invalid("the JWT is not valid yet (nbf)");
        }
        if (claims.getIssueTime() != null && now.plus(skew).isBefore(claims.getIssueTime().toInstant())) {
            throw invalid("the JWT was issued in the future (iat)");
        }
    }

    private static LatchkeyException invalid(String message) {
        return LatchkeyException.unauthenticated(ErrorCode.CREDENTIALS_INVALID, message);
    }
}
