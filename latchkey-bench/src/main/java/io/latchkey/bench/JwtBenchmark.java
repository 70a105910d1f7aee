package io.latchkey.bench;

import io.latchkey.core.keys.KeyRingSnapshot;
import io.latchkey.core.keys.KeyStatus;
import io.latchkey.core.keys.LoadedKey;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.TokenDraft;
import io.latchkey.core.token.VerifiedJwt;
import io.latchkey.jose.CryptoProvider;
import io.latchkey.jose.NimbusTokenCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A whole instance JWT through {@link NimbusTokenCodec}, as token issuance and every authenticated request use
 * it: claims to JSON, base64url, signature (sign), or parse, key lookup, signature and time checks (verify).
 * The difference to {@link SignatureBenchmark} at the same provider is the codec's own overhead.
 *
 * @since 0.1
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JwtBenchmark {

    @Param({"ES256", "RS256"})
    public String algorithm;

    @Param({"jdk", "bc", "conscrypt", "accp"})
    public String provider;

    private NimbusTokenCodec codec;
    private NimbusTokenCodec cachingCodec;
    private JwsAlgorithm alg;
    private TokenDraft draft;
    private String token;

    @Setup(Level.Trial)
    public void keys() throws GeneralSecurityException {
        alg = JwsAlgorithm.valueOf(algorithm);
        KeyPair pair = SignatureBenchmark.keyPair(algorithm);
        KeyRingSnapshot ring = new KeyRingSnapshot(List.of(new LoadedKey("k-" + algorithm, alg, KeyStatus.ACTIVE,
                pair.getPublic(), pair.getPrivate(), null)));
        // No verified-token cache here: verify() measures a token's first presentation (parse and
        // signature); verifyCached() measures every later one.
        codec = new NimbusTokenCodec(() -> ring, Clock.systemUTC(), Duration.ofSeconds(30),
                CryptoProvider.parse(provider).newProvider(), 0);
        cachingCodec = new NimbusTokenCodec(() -> ring, Clock.systemUTC(), Duration.ofSeconds(30),
                CryptoProvider.parse(provider).newProvider());
        Instant now = Instant.now();
        // The claim layout of a project-scoped token (TokenService).
        draft = new TokenDraft("http://127.0.0.1:8400", "tok_0123456789abcdef", List.of("http://127.0.0.1:8400"),
                now, now.plus(Duration.ofHours(1)), UUID.randomUUID().toString(),
                Map.of("token_use", "project", "principal_type", "token", "project_id", "P0123456789abcdefghijklmnopq",
                        "org_id", "org_0123456789"));
        token = sign();
        verify();
    }

    @Benchmark
    public String sign() {
        return codec.sign(draft, alg);
    }

    @Benchmark
    public VerifiedJwt verify() {
        return codec.verifyInstanceToken(token, Set.of(alg));
    }

    /** A token presented again: digest, cache lookup, key and time checks. */
    @Benchmark
    public VerifiedJwt verifyCached() {
        return cachingCodec.verifyInstanceToken(token, Set.of(alg));
    }
}
