package io.latchkey.sdk.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text and the little DER the SDK needs without a crypto library: finding a block, and wrapping the
 * traditional OpenSSL private keys (PKCS#1 {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY}) into the
 * PKCS#8 structure the JDK's {@link java.security.KeyFactory} reads.
 *
 * @since 0.1
 */
public final class PemBlocks {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);
    /** rsaEncryption, 1.2.840.113549.1.1.1. */
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    /** One PEM block: its label, the headers before the base64 (empty for most), and the decoded bytes. */
    public record Block(String label, String headers, byte[] der) {
    }

    private PemBlocks() {
    }

    /**
     * The first block whose label ends with {@code labelSuffix} ({@code "PRIVATE KEY"} finds the plain,
     * encrypted, RSA and EC forms), skipping others such as {@code EC PARAMETERS}.
     *
     * @throws IllegalArgumentException when there is none, or its content is not base64
     */
    public static Block find(String pem, String labelSuffix) {
        if (pem == null) {
            throw new IllegalArgumentException("the PEM text cannot be null");
        }
        Matcher m = BLOCK.matcher(pem.replace("\r\n", "\n"));
        while (m.find()) {
            if (m.group(1).endsWith(labelSuffix)) {
                String body = m.group(2);
                String headers = "";
                int blank = body.indexOf("\n\n");
                if (body.contains(":") && blank >= 0) {
                    headers = body.substring(0, blank);
                    body = body.substring(blank + 2);
                }
                try {
                    return new Block(m.group(1), headers, Base64.getMimeDecoder().decode(body.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the " + m.group(1) + " block is not valid base64", e);
                }
            }
        }
        throw new IllegalArgumentException("no -----BEGIN ..." + labelSuffix + "----- block found");
    }

    /** PEM text of DER bytes, 64 characters a line. */
    public static String encode(String label, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
    }

    /** PKCS#8 of a PKCS#1 RSAPrivateKey. */
    public static byte[] pkcs8OfPkcs1(byte[] pkcs1) {
        byte[] algorithm = tlv(0x30, concat(RSA_OID, new byte[] {0x05, 0x00}));
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, pkcs1)));
    }

    /**
     * PKCS#8 of a SEC1 ECPrivateKey, whose {@code [0]} parameters name the curve.
     *
     * @throws IllegalArgumentException when the structure is not SEC1 or names no curve
     */
    public static byte[] pkcs8OfSec1(byte[] sec1) {
        Der outer = new Der(sec1, 0);
        if (outer.tag != 0x30) {
            throw new IllegalArgumentException("the EC private key is not a DER SEQUENCE");
        }
        int p = outer.contentStart;
        byte[] curve = null;
        while (p < outer.end) {
            Der e = new Der(sec1, p);
            if (e.tag == 0xa0) {
                Der oid = new Der(sec1, e.contentStart);
                if (oid.tag == 0x06) {
                    curve = java.util.Arrays.copyOfRange(sec1, e.contentStart, oid.end);
                }
            }
            p = e.end;
        }
        if (curve == null) {
            throw new IllegalArgumentException("the EC private key does not name its curve (no [0] parameters)");
        }
        byte[] algorithm = tlv(0x30, concat(EC_OID, curve));
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, sec1)));
    }

    /** Whether a traditional block is encrypted (OpenSSL's {@code Proc-Type: 4,ENCRYPTED} header). */
    public static boolean legacyEncrypted(Block b) {
        return b.headers().toUpperCase(Locale.ROOT).contains("ENCRYPTED");
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One DER element's tag and extent. */
    private static final class Der {
        final int tag;
        final int contentStart;
        final int end;

        Der(byte[] b, int at) {
            if (at + 2 > b.length) {
                throw new IllegalArgumentException("truncated DER");
            }
            tag = b[at] & 0xff;
            int len = b[at + 1] & 0xff;
            int p = at + 2;
            if (len >= 0x80) {
                int n = len & 0x7f;
                if (n < 1 || n > 3 || p + n > b.length) {
                    throw new IllegalArgumentException("unsupported DER length");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[p++] & 0xff);
                }
            }
            contentStart = p;
            end = p + len;
            if (end > b.length) {
                throw new IllegalArgumentException("truncated DER");
            }
        }
    }
}
