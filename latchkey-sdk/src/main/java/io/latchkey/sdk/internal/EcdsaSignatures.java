package io.latchkey.sdk.internal;

import java.io.ByteArrayOutputStream;

/**
 * Converts JOSE ECDSA signatures to the DER form {@link java.security.Signature} verifies. JWS carries
 * ECDSA signatures as the fixed-length concatenation {@code r || s} (RFC 7518 section 3.4); the JDK's
 * {@code SHA256withECDSA} expects {@code SEQUENCE { INTEGER r, INTEGER s }}.
 *
 * @since 0.1
 */
public final class EcdsaSignatures {
    private EcdsaSignatures() {
    }

    /**
     * The DER encoding of a {@code r || s} signature whose halves are {@code partLength} bytes (32 for
     * P-256).
     *
     * @throws IllegalArgumentException when the signature does not have exactly {@code 2 * partLength} bytes
     */
    public static byte[] joseToDer(byte[] rs, int partLength) {
        if (rs.length != 2 * partLength) {
            throw new IllegalArgumentException("an ECDSA signature must have " + 2 * partLength + " bytes, found " + rs.length);
        }
        byte[] r = derInteger(rs, 0, partLength);
        byte[] s = derInteger(rs, partLength, partLength);
        ByteArrayOutputStream out = new ByteArrayOutputStream(r.length + s.length + 3);
        out.write(0x30);
        writeLength(out, r.length + s.length);
        out.writeBytes(r);
        out.writeBytes(s);
        return out.toByteArray();
    }

    /** A DER INTEGER of an unsigned big-endian number: leading zeros dropped, a 0x00 added if the top bit is set. */
    private static byte[] derInteger(byte[] src, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end - 1 && src[start] == 0) {
            start++;
        }
        boolean pad = (src[start] & 0x80) != 0;
        int n = end - start + (pad ? 1 : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 3);
        out.write(0x02);
        writeLength(out, n);
        if (pad) {
            out.write(0);
        }
        out.write(src, start, end - start);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else {
            out.write(0x81);
            out.write(length);
        }
    }
}
