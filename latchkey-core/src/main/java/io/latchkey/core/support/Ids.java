package io.latchkey.core.support;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifier generation. Every id is random (no timestamps or counters that leak volume or order), with one
 * exception, {@link #timeOrderedUuid()}, for rows written on every login.
 *
 * <p>Project ids take the access-key dialect's form, {@code P} followed by 27 alphanumerics, because that
 * dialect's SDKs derive a region from the characters between position 2 and {@code length - 27}: with
 * exactly 28 characters they derive none (specs/descope-access-keys.md section 1). The other dialects treat
 * the id as opaque.
 *
 * @since 0.1
 */
public final class Ids {
    private static final char[] ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A random UUID string (version 4), lower case, from the system's secure random source. */
    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /**
     * A UUID string of version 7 (RFC 9562): the current Unix time in milliseconds, then 74 bits from the
     * system's secure random source. For the ids of rows inserted on hot paths (machine-identity sessions,
     * one per login): in a B-tree, time-ordered keys land in the rightmost leaf, where random ones dirty a
     * different leaf per row, and a commit rewrites every leaf it dirtied. Leaks the creation time to the
     * millisecond, nothing else: use it only where that time is no secret (a session's token states it in
     * {@code iat}).
     */
    public static String timeOrderedUuid() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4) | ((random[1] & 0xF0L) >>> 4); // 12 bits
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | randA;
        long lsb = 0;
        for (int i = 2; i < 10; i++) {
            lsb = (lsb << 8) | (random[i] & 0xFFL);
        }
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant, 62 random bits
        return new UUID(msb, lsb).toString();
    }

    /**
     * A random UUID string (version 4) for identifiers that name something but guard nothing: request ids,
     * audit event ids, decision ids. Drawn from {@link ThreadLocalRandom}, so it costs no lock and no read of
     * the system's entropy pool ({@link #uuid()} takes a process-wide lock, and per request that showed in
     * profiles); 122 random bits keep collisions out of reach, but the values are predictable to someone who
     * saw enough of them, so never use this for a credential, a key or anything an attacker must not guess.
     */
    public static String nonSecretUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    /** A project id: {@code P} + 27 alphanumerics. */
    public static String projectId() {
        return prefixed('P', 27);
    }

    /** An id made of one prefix letter and {@code length} random alphanumerics. */
    public static String prefixed(char prefix, int length) {
        return prefix + alphanumeric(length);
    }

    /** {@code length} random characters from {@code [0-9A-Za-z]}, uniformly distributed. */
    public static String alphanumeric(int length) {
        char[] out = new char[length];
        byte[] buf = new byte[length * 2];
        int filled = 0;
        while (filled < length) {
            RANDOM.nextBytes(buf);
            for (int i = 0; i < buf.length && filled < length; i++) {
                int v = buf[i] & 0xFF;
                // Rejection sampling keeps the distribution uniform: 248 = 62 * 4.
                if (v < 248) {
                    out[filled++] = ALPHANUMERIC[v % 62];
                }
            }
        }
        return new String(out);
    }

    /** True when {@code id} has the shape of a project id. Cheap; does not touch storage. */
    public static boolean isProjectId(String id) {
        if (id == null || id.length() != 28 || id.charAt(0) != 'P') {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code id} is a canonical UUID string. */
    public static boolean isUuid(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
