package io.latchkey.bench;

import io.latchkey.core.crypto.KeyedHasher;
import io.latchkey.core.crypto.RootKey;
import io.latchkey.core.crypto.SecretBox;
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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The symmetric hot paths: the keyed hash that turns a presented client secret, access key or management key
 * into its lookup value (HMAC-SHA-256 under the root-key-derived pepper; one per credential check), and the
 * AES-256-GCM seal and open of a secret value under a project data key (one open per secret read).
 *
 * @since 0.1
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CredentialBenchmark {
    private KeyedHasher hasher;
    private SecretBox box;
    private String credential;
    private byte[] value;
    private byte[] sealed;
    private String associated;

    @Setup(Level.Trial)
    public void keys() {
        hasher = KeyedHasher.fromRootKey(RootKey.generate());
        box = new SecretBox(SecretBox.newKey());
        credential = "lk_ak_" + "Q".repeat(43); // the length of a 256-bit base64url credential
        value = "postgres://app:s3cr3t-password-of-some-length@db.internal:5432/app".getBytes(StandardCharsets.UTF_8);
        associated = "secret:P0123456789abcdefghijklmnopq:sec_0123456789:3";
        sealed = seal();
        if (!Arrays.equals(open(), value)) {
            throw new IllegalStateException("seal/open round trip failed");
        }
    }

    @Benchmark
    public String keyedHash() {
        return hasher.hash("access-key", credential);
    }

    @Benchmark
    public byte[] seal() {
        return box.seal(value, associated);
    }

    @Benchmark
    public byte[] open() {
        return box.open(sealed, associated);
    }
}
