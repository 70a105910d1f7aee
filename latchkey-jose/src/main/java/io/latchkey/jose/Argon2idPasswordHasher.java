package io.latchkey.jose;

import io.latchkey.core.crypto.PasswordHasher;
import io.latchkey.core.support.Require;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * Argon2id (RFC 9106) password hashing with Bouncy Castle, encoded in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>} (base64 without padding).
 *
 * <p>Defaults follow the OWASP recommendation for Argon2id: 19 MiB of memory, 2 iterations, 1 lane, a
 * 16-byte salt and a 32-byte output. Verification reads the parameters from the encoded hash, so raising
 * the defaults later keeps old hashes valid and {@link #needsRehash} reports them. At most one derivation
 * per core runs at a time (the others queue), which bounds the memory logins can take.
 *
 * @since 0.1
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Refuse encoded hashes asking for absurd work (a tampered row must not stall logins). */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;

    /** Derivations allowed at once: one per core, at least two. */
    private static final Semaphore RUNNING = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public Argon2idPasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalStateException("Argon2id parameters out of range: m=" + memoryKib + " t=" + iterations + " p=" + parallelism);
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    @Override
    public String hash(char[] password) {
        Require.nonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    @Override
    public boolean verify(char[] password, String encoded) {
        Require.nonNull(password, "password");
        Parsed p = parse(encoded);
        if (p == null) {
            return false;
        }
        byte[] actual = derive(password, p.salt, p.memory, p.iterations, p.parallelism, p.hash.length);
        return MessageDigest.isEqual(actual, p.hash);
    }

    @Override
    public boolean needsRehash(String encoded) {
        Parsed p = parse(encoded);
        return p == null || p.memory < memoryKib || p.iterations < iterations || p.parallelism < parallelism;
    }

    private record Parsed(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return null;
        }
        try {
            int m = -1;
            int t = -1;
            int p = -1;
            for (String kv : parts[3].split(",")) {
                String[] pair = kv.split("=", 2);
                int v = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> m = v;
                    case "t" -> t = v;
                    case "p" -> p = v;
                    default -> {
                        return null;
                    }
                }
            }
            if (m < 8 || m > MAX_MEMORY_KIB || t < 1 || t > MAX_ITERATIONS || p < 1 || p > 16) {
                return null;
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] hash = B64D.decode(parts[5]);
            if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
                return null;
            }
            return new Parsed(m, t, p, salt, hash);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int m, int t, int p, int len) {
        // Each derivation holds m KiB of heap for its whole run; running more at once than there are cores
        // finishes none sooner and lets a burst of logins exhaust a bounded heap (32 at 19 MiB is 600 MiB).
        try {
            RUNNING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
        try {
            return deriveNow(password, salt, m, t, p, len);
        } finally {
            RUNNING.release();
        }
    }

    private static byte[] deriveNow(char[] password, byte[] salt, int m, int t, int p, int len) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] pw = toUtf8(password);
        byte[] out = new byte[len];
        try {
            gen.generateBytes(pw, out);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        return out;
    }

    private static byte[] toUtf8(char[] password) {
        java.nio.ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] b = new byte[bb.remaining()];
        bb.get(b);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return b;
    }
}
