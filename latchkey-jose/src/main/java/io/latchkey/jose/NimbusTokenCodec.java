package io.latchkey.jose;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.keys.KeyRingSnapshot;
import io.latchkey.core.keys.LoadedKey;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.TokenDraft;
import io.latchkey.core.token.TokenSigner;
import io.latchkey.core.token.TokenVerifier;
import io.latchkey.core.token.VerifiedJwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Signs and verifies the instance's own JWTs with Nimbus JOSE, using the key ring's current snapshot.
 *
 * <p>Signers and verifiers are built once per key id and cached; a rotation brings new key ids and the old
 * entries simply stop being used. An optional JCA provider (for example Bouncy Castle) can be chosen for
 * the signature operations, since signature speed differs several-fold between providers.
 *
 * @since 0.1
 */
public final class NimbusTokenCodec implements TokenSigner, TokenVerifier {
    /** Longer than any token this instance issues; longer strings are not parsed (nor hashed). */
    private static final int MAX_TOKEN_CHARS = 16 * 1024;
    /** About 17 MB of verified tokens at most (an entry, with its parsed claims, takes about 1.7 KB); the heap is sized with it. */
    private static final int VERIFIED_CACHE_SIZE = 10_000;
    /** Shared by the signers: thread-safe, and unused by ACCP and Conscrypt, whose ECDSA draws its nonces natively. */
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(NimbusTokenCodec::newSha256);
    private final Supplier<KeyRingSnapshot> keyRing;
    private final Clock clock;
    private final Duration skew;
    private final Provider provider;
    private final Map<String, Signing> signers = new ConcurrentHashMap<>();
    private final Map<String, JWSVerifier> verifiers = new ConcurrentHashMap<>();
    /**
     * Tokens verified recently, by digest. A service presents the same token on every request of its
     * lifetime; parsing it and checking its ECDSA signature each time was the largest cost of a secret read
     * after the database. Bounded in size and age; expiry, key retirement and (in the token service)
     * revocation are still checked on every use.
     */
    private final Cache<String, Verified> verified;

    public NimbusTokenCodec(Supplier<KeyRingSnapshot> keyRing, Clock clock, Duration skew, Provider provider) {
        this(keyRing, clock, skew, provider, VERIFIED_CACHE_SIZE);
    }

    /** @param verifiedCacheSize how many verified tokens to remember; 0 verifies every presentation afresh */
    public NimbusTokenCodec(Supplier<KeyRingSnapshot> keyRing, Clock clock, Duration skew, Provider provider,
                            int verifiedCacheSize) {
        this.verified = verifiedCacheSize <= 0 ? null
                : Caffeine.newBuilder().maximumSize(verifiedCacheSize).expireAfterWrite(Duration.ofMinutes(10)).build();
        this.keyRing = Require.nonNull(keyRing, "keyRing");
        this.clock = Require.nonNull(clock, "clock");
        this.skew = Require.nonNull(skew, "skew");
        this.provider = provider;
    }

    @Override
    public String sign(TokenDraft draft, JwsAlgorithm algorithm) {
        LoadedKey key = keyRing.get().active(algorithm);
        if (key == null || key.privateKey() == null) {
            throw new IllegalStateException("no active " + algorithm + " signing key");
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(draft.issuer())
                .subject(draft.subject())
                .issueTime(Date.from(draft.issuedAt()))
                .jwtID(draft.jti());
        if (!draft.audience().isEmpty()) {
            claims.audience(draft.audience().size() == 1 ? List.of(draft.audience().get(0)) : draft.audience());
        }
        if (draft.expiresAt() != null) {
            claims.expirationTime(Date.from(draft.expiresAt()));
        }
        draft.claims().forEach(claims::claim);
        Signing signing = signers.computeIfAbsent(key.kid(), k -> newSigning(key));
        SignedJWT jwt = new SignedJWT(signing.header(), claims.build());
        try {
            jwt.sign(signing.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with " + key.kid() + " failed", e);
        }
        return jwt.serialize();
    }

    /**
     * A key's signer and its token header. The header is the same for every token the key signs; made by
     * parsing its own encoding, it keeps that encoding, so that a token's signing input does not serialise
     * the header's JSON again (a third of Nimbus's work around the signature).
     */
    private record Signing(JWSSigner signer, JWSHeader header) {
    }

    private Signing newSigning(LoadedKey key) {
        JWSHeader built = new JWSHeader.Builder(JWSAlgorithm.parse(key.algorithm().name()))
                .keyID(key.kid()).type(JOSEObjectType.JWT).build();
        try {
            return new Signing(newSigner(key), JWSHeader.parse(built.toBase64URL()));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("cannot encode the header of key " + key.kid(), e);
        }
    }

    private JWSSigner newSigner(LoadedKey key) {
        try {
            java.security.PrivateKey pk = providerKey(key.privateKey());
            JWSSigner s = key.algorithm().isEc()
                    ? new ECDSASigner((ECPrivateKey) pk)
                    : new RSASSASigner(pk);
            if (provider != null) {
                s.getJCAContext().setProvider(provider);
            }
            // Without one, Nimbus makes a new SecureRandom (a provider lookup and seeding) for every signature.
            s.getJCAContext().setSecureRandom(RANDOM);
            return s;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot use key " + key.kid() + " for signing", e);
        }
    }

    @Override
    public VerifiedJwt verifyInstanceToken(String compact, Set<JwsAlgorithm> allowed) {
        if (compact == null || compact.length() > MAX_TOKEN_CHARS) {
            throw invalid("token is not a signed JWT");
        }
        String cacheKey = verified == null ? null : digest(compact);
        Verified hit = cacheKey == null ? null : verified.getIfPresent(cacheKey);
        if (hit != null) {
            // The signature and claims were checked when the entry was made; what can change since is the
            // clock and the key ring (a retired key's tokens stop verifying at once).
            LoadedKey key = keyRing.get().byKid(hit.jwt.keyId());
            if (!allowed.contains(hit.jwt.algorithm()) || key == null || key.algorithm() != hit.jwt.algorithm()) {
                verified.invalidate(cacheKey);
                throw invalid(key == null ? "token was not signed by a key of this instance" : "token algorithm is not accepted");
            }
            checkTimes(hit.expiresAt, hit.notBefore);
            return hit.jwt;
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(compact);
        } catch (ParseException e) {
            throw invalid("token is not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        JwsAlgorithm alg = algorithm(header.getAlgorithm());
        if (alg == null || !allowed.contains(alg)) {
            throw invalid("token algorithm is not accepted");
        }
        LoadedKey key = keyRing.get().byKid(header.getKeyID());
        if (key == null || key.algorithm() != alg) {
            throw invalid("token was not signed by a key of this instance");
        }
        boolean ok;
        try {
            ok = jwt.verify(verifiers.computeIfAbsent(key.kid(), k -> newVerifier(key)));
        } catch (JOSEException e) {
            ok = false;
        }
        if (!ok) {
            throw invalid("token signature is invalid");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("token claims are malformed");
        }
        Instant exp = claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
        Instant nbf = claims.getNotBeforeTime() == null ? null : claims.getNotBeforeTime().toInstant();
        checkTimes(exp, nbf);
        VerifiedJwt result = toVerified(key.kid(), alg, claims);
        if (cacheKey != null) {
            verified.put(cacheKey, new Verified(result, exp, nbf));
        }
        return result;
    }

    /** A token whose signature verified, kept so that its next use skips the parse and the signature check. */
    private record Verified(VerifiedJwt jwt, Instant expiresAt, Instant notBefore) {
    }

    /**
     * The cache key of a presented token: its SHA-256, so the cache holds no bearer token and a lookup
     * compares digests, never a secret prefix.
     */
    private static String digest(String compact) {
        MessageDigest md = SHA256.get();
        md.reset();
        byte[] d = md.digest(compact.getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().withoutPadding().encodeToString(d);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private void checkTimes(Instant exp, Instant nbf) {
        Instant now = clock.instant();
        // RFC 7519 4.1.4: reject on or after exp, with the configured skew.
        if (exp != null && !now.isBefore(exp.plus(skew))) {
            long late = Duration.between(exp, now).toSeconds();
            throw LatchkeyException.unauthenticated(ErrorCode.TOKEN_EXPIRED, "token expired " + late
                    + " s ago (now " + now + ", allowed skew " + skew.toSeconds() + " s)");
        }
        if (nbf != null && now.plus(skew).isBefore(nbf)) {
            throw invalid("token is not valid yet");
        }
    }

    static VerifiedJwt toVerified(String kid, JwsAlgorithm alg, JWTClaimsSet claims) {
        Map<String, Object> all = new HashMap<>(claims.getClaims());
        // Registered time claims as epoch seconds, like the wire form.
        for (String t : new String[] {"exp", "iat", "nbf"}) {
            Object v = all.get(t);
            if (v instanceof Date d) {
                all.put(t, d.getTime() / 1000);
            }
        }
        return new VerifiedJwt(kid, alg, claims.getIssuer(), claims.getSubject(),
                claims.getAudience() == null ? List.of() : List.copyOf(claims.getAudience()),
                claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant(),
                claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant(),
                claims.getJWTID(), Collections.unmodifiableMap(all));
    }

    /**
     * The key as the chosen provider's own key object. The native providers (ACCP, Conscrypt) convert a
     * foreign key to their native form (a DER parse) on every signature they start; converting once per key id saves that on every token.
     * Falls back to the key as loaded when the provider cannot translate it.
     */
    private java.security.PrivateKey providerKey(java.security.PrivateKey key) {
        if (provider == null) {
            return key;
        }
        try {
            java.security.Key translated = java.security.KeyFactory.getInstance(key.getAlgorithm(), provider).translateKey(key);
            return translated instanceof java.security.PrivateKey p ? p : key;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }

    private JWSVerifier newVerifier(LoadedKey key) {
        try {
            JWSVerifier v = key.algorithm().isEc()
                    ? new ECDSAVerifier((ECPublicKey) key.publicKey())
                    : new RSASSAVerifier((RSAPublicKey) key.publicKey());
            if (provider != null) {
                v.getJCAContext().setProvider(provider);
            }
            return v;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot use key " + key.kid() + " for verification", e);
        }
    }

    static JwsAlgorithm algorithm(JWSAlgorithm a) {
        if (a == null) {
            return null;
        }
        for (JwsAlgorithm j : JwsAlgorithm.values()) {
            if (j.name().equals(a.getName())) {
                return j;
            }
        }
        return null;
    }

    private static LatchkeyException invalid(String message) {
        return LatchkeyException.unauthenticated(ErrorCode.TOKEN_INVALID, message);
    }
}
