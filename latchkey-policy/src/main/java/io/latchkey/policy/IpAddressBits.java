package io.latchkey.policy;

/**
 * A mutable 128-bit holder for an IP address, and the allocation-free parser that fills it.
 *
 * <p>IPv4 addresses are stored as IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}, RFC 4291 section
 * 2.5.5.2), so that one comparison path serves both families and a request from {@code ::ffff:10.0.0.1} (how a
 * dual-stack socket reports an IPv4 peer) matches the block {@code 10.0.0.0/8}. Consequences worth knowing: the
 * IPv6 block {@code ::/0} contains every IPv4 address too, while {@code 0.0.0.0/0} (like {@code ::ffff:0:0/96})
 * is "any IPv4 address" and contains no IPv6 address.
 * Other embeddings (IPv4-compatible {@code ::a.b.c.d}, 6to4, NAT64) are plain IPv6 addresses here.
 *
 * <p>Accepted text: dotted-quad IPv4 with decimal octets and no leading zeros (so {@code 010.0.0.1}, which
 * some resolvers read as octal, is refused rather than guessed), and RFC 4291 section 2.2 IPv6 text with an
 * optional {@code ::} and an optional dotted-quad tail. Zone ids ({@code %eth0}), brackets and host names are
 * refused: this parser never resolves anything.
 *
 * <p>Not thread-safe: each evaluation owns its instance.
 */
final class IpAddressBits {
    private static final int GROUPS = 8;
    private static final long IPV4_MAPPED_PREFIX = 0xFFFFL << 32;

    long high;
    long low;
    /** True when the last parsed text was an IPv4 dotted quad (its prefix lengths count from bit 96). */
    boolean ipv4;

    /** Parses an address literal into this holder; false (holder undefined) when {@code text} is not one. */
    boolean parse(String text) {
        return parse(text, 0, text.length());
    }

    boolean parse(String text, int from, int to) {
        high = 0;
        low = 0;
        int colon = text.indexOf(':', from);
        ipv4 = colon < 0 || colon >= to;
        if (ipv4) {
            long v4 = parseIpv4(text, from, to);
            low = IPV4_MAPPED_PREFIX | v4;
            return v4 >= 0;
        }
        return parseIpv6(text, from, to);
    }

    /** Returns the 32-bit address, or -1 when the range is not a dotted quad. */
    private static long parseIpv4(String s, int from, int to) {
        long value = 0;
        int octets = 0;
        int i = from;
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 3 && isDigit(s.charAt(i))) {
                octet = octet * 10 + (s.charAt(i++) - '0');
            }
            int digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? value : -1;
    }

    private boolean parseIpv6(String s, int from, int to) {
        int gap = s.indexOf("::", from);
        if (gap >= to - 1) {
            gap = -1;
        }
        if (gap < 0) {
            return groups(s, from, to, 0, true, true) == GROUPS;
        }
        int secondGap = s.indexOf("::", gap + 1);
        if (secondGap >= 0 && secondGap < to - 1) {
            return false;
        }
        int head = groups(s, from, gap, 0, false, true);
        int tail = groups(s, gap + 2, to, 0, true, false);
        if (head < 0 || tail < 0 || head + tail > GROUPS - 1) {
            return false;
        }
        return groups(s, gap + 2, to, GROUPS - tail, true, true) == tail;
    }

    /**
     * Reads the colon-separated groups in {@code [from, to)}, storing group k at index {@code first + k} when
     * {@code store} is set. A dotted quad may close the range only when {@code last} is set, and counts as two
     * groups. Returns the number of groups, or -1 on a syntax error. An empty range has zero groups.
     */
    private int groups(String s, int from, int to, int first, boolean last, boolean store) {
        if (from == to) {
            return 0;
        }
        int count = 0;
        int i = from;
        while (true) {
            int end = i;
            while (end < to && s.charAt(end) != ':') {
                end++;
            }
            int dot = s.indexOf('.', i);
            if (last && end == to && dot >= 0 && dot < to) {
                long v4 = parseIpv4(s, i, to);
                if (v4 < 0 || count + 2 > GROUPS) {
                    return -1;
                }
                storeGroup(store, first + count, (int) (v4 >>> 16));
                storeGroup(store, first + count + 1, (int) (v4 & 0xFFFF));
                return count + 2;
            }
            int group = parseHexGroup(s, i, end);
            if (group < 0 || count == GROUPS) {
                return -1;
            }
            storeGroup(store, first + count++, group);
            if (end == to) {
                return count;
            }
            i = end + 1;
        }
    }

    private void storeGroup(boolean store, int index, int group) {
        if (!store || index >= GROUPS) {
            return;
        }
        if (index < 4) {
            high |= (long) group << (16 * (3 - index));
        } else {
            low |= (long) group << (16 * (7 - index));
        }
    }

    private static int parseHexGroup(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 4) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = hexDigit(s.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /** ASCII only: {@link Character#digit} would also accept other scripts' digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
