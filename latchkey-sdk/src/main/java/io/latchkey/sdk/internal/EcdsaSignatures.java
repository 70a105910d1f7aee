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

    /**
     * The JOSE form {@code r || s} (each half {@code partLength} bytes) of a DER signature the JDK's
     * {@code SHA256withECDSA} produced: what a JWS carries (RFC 7518 section 3.4).
     *
     * @throws IllegalArgumentException when {@code der} is not a DER ECDSA signature of that size
     */
    public static byte[] derToJose(byte[] der, int partLength) {
        int[] pos = {0};
        expect(der, pos, 0x30);
        readLength(der, pos);
        byte[] out = new byte[2 * partLength];
        copyInteger(der, pos, out, 0, partLength);
        copyInteger(der, pos, out, partLength, partLength);
        return out;
    }

    private static void copyInteger(byte[] der, int[] pos, byte[] out, int offset, int partLength) {
        expect(der, pos, 0x02);
        int len = readLength(der, pos);
        int start = pos[0];
        int end = start + len;
        if (end > der.length) {
            throw new IllegalArgumentException("truncated ECDSA signature");
        }
        while (start < end - 1 && der[start] == 0) {
            start++;
        }
        int n = end - start;
        if (n > partLength) {
            throw new IllegalArgumentException("ECDSA signature integer longer than " + partLength + " bytes");
        }
        System.arraycopy(der, start, out, offset + partLength - n, n);
        pos[0] = end;
    }

    private static void expect(byte[] der, int[] pos, int tag) {
        if (pos[0] >= der.length || (der[pos[0]] & 0xff) != tag) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        pos[0]++;
    }

    private static int readLength(byte[] der, int[] pos) {
        if (pos[0] >= der.length) {
            throw new IllegalArgumentException("truncated ECDSA signature");
        }
        int len = der[pos[0]++] & 0xff;
        if (len == 0x81) {
            if (pos[0] >= der.length) {
                throw new IllegalArgumentException("truncated ECDSA signature");
            }
            len = der[pos[0]++] & 0xff;
        } else if (len > 0x81) {
            throw new IllegalArgumentException("unsupported DER length in an ECDSA signature");
        }
        return len;
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
