package io.latchkey.core.support;

import io.latchkey.core.error.LatchkeyException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range in CIDR form ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); a bare address is
 * a range of one ({@code /32} or {@code /128}).
 *
 * <p>Trap: {@link InetAddress#getByName} resolves host names through DNS. Only literals reach it here: a
 * value is parsed only after it has the shape of an IPv4 dotted quad or of an IPv6 literal, so neither a
 * configured range nor a request's source address can trigger a lookup.
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is the IPv4 address it maps, as the JDK reads
 * it, so an IPv4 range matches a client that reaches a dual-stack socket.
 *
 * @since 0.1
 */
public final class IpRange {
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Parses {@code address} or {@code address/prefix}; the host bits of the address are cleared.
     *
     * @throws LatchkeyException {@code invalid_field} naming {@code field} when the value is not a range
     */
    public static IpRange parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
        String v = value.trim();
        int slash = v.indexOf('/');
        byte[] address = literal(slash < 0 ? v : v.substring(0, slash));
        if (address == null) {
            throw LatchkeyException.invalidField(field, field + " must be an IPv4 or IPv6 address or CIDR range");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = v.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > bits) {
                throw LatchkeyException.invalidField(field, field + " has a prefix length outside 0 to " + bits);
            }
            prefix = Integer.parseInt(p);
        }
        return new IpRange(mask(address, prefix), prefix);
    }

    /** True when {@code address} (a literal; brackets and zone ids allowed) lies in this range. */
    public boolean contains(String address) {
        byte[] a = address == null ? null : literal(address);
        if (a == null || a.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(a, prefix), network);
    }

    /** The network address, e.g. {@code 10.0.0.0} or {@code 2001:db8::} (IPv6 in RFC 5952 form). */
    public String address() {
        if (isIpv4()) {
            return (network[0] & 0xFF) + "." + (network[1] & 0xFF) + "." + (network[2] & 0xFF) + "." + (network[3] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((network[2 * i] & 0xFF) << 8) | (network[2 * i + 1] & 0xFF);
        }
        return ipv6Text(groups);
    }

    /** RFC 5952 section 4: lower-case hex, no leading zeros, the longest run of two or more zero groups as ::. */
    private static String ipv6Text(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    public int prefix() {
        return prefix;
    }

    public boolean isIpv4() {
        return network.length == 4;
    }

    /** True for {@code 0.0.0.0/0} and {@code ::/0}. */
    public boolean matchesEverything() {
        return prefix == 0;
    }

    /** The canonical CIDR text, {@code address/prefix}. */
    @Override
    public String toString() {
        return address() + "/" + prefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.prefix == prefix && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    /** The address bytes of an IP literal, or null when the text is not one. Never resolves names. */
    private static byte[] literal(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(t).matches();
        boolean v6 = !v4 && t.indexOf(':') >= 0 && IPV6.matcher(t).matches();
        if (!v4 && !v6) {
            return null;
        }
        if (v4 && !Arrays.stream(t.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255)) {
            return null;
        }
        try {
            // INVARIANT: t is a numeric literal here, so getByName performs no DNS lookup.
            return InetAddress.getByName(t.toLowerCase(Locale.ROOT)).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
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
