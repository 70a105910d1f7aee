package io.latchkey.policy;

/**
 * A compiled CIDR block (RFC 4632 for IPv4, RFC 4291 section 2.3 for IPv6) in the 128-bit space of
 * {@link IpAddressBits}: network bits and mask as two longs each, so a membership test is two ANDs and two
 * compares. A single address is a block of one (/32 or /128).
 *
 * <p>Host bits set below the prefix ({@code 10.1.2.3/8}) are cleared rather than refused, as most firewalls
 * do; the block is {@code 10.0.0.0/8}.
 */
record IpBlock(long networkHigh, long networkLow, long maskHigh, long maskLow) {
    private static final int IPV4_OFFSET = 96;

    /** Parses {@code address} or {@code address/prefix}; null when the text is neither. */
    static IpBlock parse(String text) {
        int slash = text.indexOf('/');
        int addressEnd = slash < 0 ? text.length() : slash;
        IpAddressBits bits = new IpAddressBits();
        if (!bits.parse(text, 0, addressEnd)) {
            return null;
        }
        int maxPrefix = bits.ipv4 ? 32 : 128;
        int prefix = slash < 0 ? maxPrefix : parsePrefix(text, slash + 1, maxPrefix);
        if (prefix < 0) {
            return null;
        }
        int bits128 = bits.ipv4 ? prefix + IPV4_OFFSET : prefix;
        long maskHigh = mask(bits128);
        long maskLow = mask(bits128 - 64);
        return new IpBlock(bits.high & maskHigh, bits.low & maskLow, maskHigh, maskLow);
    }

    boolean contains(long high, long low) {
        return (high & maskHigh) == networkHigh && (low & maskLow) == networkLow;
    }

    /** A 64-bit mask with the top {@code ones} bits set ({@code ones} clamped to 0..64). */
    private static long mask(int ones) {
        if (ones <= 0) {
            return 0L;
        }
        // INVARIANT: Java masks shift distances to 6 bits, so -1L << 64 would be -1L, not 0; hence the branches.
        return ones >= 64 ? -1L : -1L << (64 - ones);
    }

    private static int parsePrefix(String text, int from, int max) {
        int length = text.length() - from;
        if (length < 1 || length > 3) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }
}
