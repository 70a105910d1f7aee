package io.latchkey.core.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address block in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), or a single
 * address (a block of one). Used for the permitted source addresses of credentials.
 *
 * <p>Parsing never resolves names: IPv4 text must be a dotted quad of decimal octets without leading zeros
 * ({@code 010.0.0.1}, which some parsers read as octal, is refused rather than guessed), and anything else must
 * consist of hexadecimal digits, colons and dots before it reaches {@link InetAddress}, which then treats it as
 * an IPv6 literal. Brackets and zone ids are refused in blocks and stripped from the addresses being tested
 * (servlet containers report IPv6 peers either way).
 *
 * <p>IPv4-mapped IPv6 addresses ({@code ::ffff:10.0.0.1}, how a dual-stack socket reports an IPv4 peer) count
 * as their IPv4 address, so they match IPv4 blocks. Host bits below the prefix are ignored:
 * {@code 10.1.2.3/8} is {@code 10.0.0.0/8}.
 *
 * @since 0.1
 */
public final class IpRange {
    private final byte[] network;
    private final int prefix;
    private final String text;

    private IpRange(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses {@code address} or {@code address/prefix}.
     *
     * @throws IllegalArgumentException naming the problem (never echoing more than the given text)
     */
    public static IpRange parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        byte[] address = address(slash < 0 ? t : t.substring(0, slash), false);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address or CIDR block");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            prefix = prefixLength(t.substring(slash + 1), bits);
        }
        return new IpRange(mask(address, prefix), prefix, t);
    }

    /** True when {@code address} is an IP literal inside this block; false for anything else. */
    public boolean contains(String address) {
        byte[] a = address(address, true);
        if (a == null || a.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(a, prefix), network);
    }

    /** The text this block was parsed from, trimmed. */
    @Override
    public String toString() {
        return text;
    }

    /** The bytes of an address literal (4 or 16), or null when {@code text} is not one. */
    static byte[] address(String text, boolean lenient) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        String t = text;
        if (lenient) {
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            int zone = t.indexOf('%');
            if (zone >= 0) {
                t = t.substring(0, zone);
            }
        }
        if (t.indexOf(':') < 0) {
            return ipv4(t);
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return null;
            }
        }
        try {
            // Only hexadecimal digits, colons and dots reach here: InetAddress parses a literal, no lookup.
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String t) {
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static int prefixLength(String s, int bits) {
        if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("the prefix length must be a number");
        }
        int p = Integer.parseInt(s);
        if (p > bits) {
            throw new IllegalArgumentException("the prefix length must be at most " + bits);
        }
        return p;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
        }
        return out;
    }
}
