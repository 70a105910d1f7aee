package io.latchkey.bench.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.jose.CryptoProvider;

import java.security.Provider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RS256 client assertions (RFC 7523) with a unique jti each, as the IAM dialect's auth provider and any
 * private-key-JWT client send them. Signing RSA-2048 costs the client about a millisecond, which on a
 * two-core machine would take CPU from the server under test, so assertions are signed ahead of each
 * measured run ({@link #fill}); when a run outpaces the pool the rest are signed inline and counted
 * ({@link #inlineSigned()}), which the report shows, because then the client limits the figure.
 */
final class AssertionPool {
    private static final long LIFETIME_SECONDS = 300;
    private static final Provider SIGNING = CryptoProvider.AUTO.newProvider();

    private final RSAKey key;
    private final String clientId;
    private final String audience;
    private volatile String[] ready = new String[0];
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicLong inline = new AtomicLong();

    AssertionPool(RSAKey key, String clientId, String audience) {
        this.key = key;
        this.clientId = clientId;
        this.audience = audience;
    }

    static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next unused assertion. Thread-safe. */
    String next() {
        int i = taken.getAndIncrement();
        String[] r = ready;
        if (i < r.length) {
            return r[i];
        }
        inline.incrementAndGet();
        return sign();
    }

    /** Replaces the pool with {@code count} fresh assertions, signed on every core. */
    void fill(int count) {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = count / threads + (t < count % threads ? 1 : 0);
                parts.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        out.add(sign());
                    }
                    return out;
                }));
            }
            List<String> all = new ArrayList<>(count);
            for (Future<List<String>> f : parts) {
                all.addAll(f.get());
            }
            ready = all.toArray(new String[0]);
            taken.set(0);
            inline.set(0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot pre-sign assertions", e);
        } finally {
            pool.shutdownNow();
        }
    }

    long inlineSigned() {
        return inline.get();
    }

    String sign() {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(LIFETIME_SECONDS)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        try {
            RSASSASigner signer = new RSASSASigner(key);
            if (SIGNING != null) {
                signer.getJCAContext().setProvider(SIGNING);
            }
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
