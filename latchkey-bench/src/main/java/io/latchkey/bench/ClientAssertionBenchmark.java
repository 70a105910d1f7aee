package io.latchkey.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.core.pat.PublicKeyInfo;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.VerifiedJwt;
import io.latchkey.jose.NimbusClientKeys;
import io.latchkey.jose.RemoteJwks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Verification of a personal access token's RS256 client assertion (RFC 7523) as the token endpoint does it:
 * parse, pick the token's key from its stored JWK set (cached per token), verify the signature, read the
 * claims. The replay check and the token issuance that follow are measured by the load generator.
 *
 * @since 0.1
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ClientAssertionBenchmark {
    private NimbusClientKeys keys;
    private PublicKeyInfo info;
    private String assertion;

    @Setup(Level.Trial)
    public void assertion() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        info = new PublicKeyInfo.Jwks(new JWKSet(key.toPublicJWK()).toString());
        keys = new NimbusClientKeys(new RemoteJwks(Clock.systemUTC()));
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("k1").build(),
                new JWTClaimsSet.Builder().issuer("tok_1").subject("tok_1").audience("http://127.0.0.1:8400/auth/oauth2/token")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new RSASSASigner(key));
        assertion = jwt.serialize();
        verify();
    }

    @Benchmark
    public VerifiedJwt verify() {
        return keys.verifySignature(assertion, JwsAlgorithm.RS256, info, "tok_1");
    }
}
