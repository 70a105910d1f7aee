package io.latchkey.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressBitsTest {

    private static IpAddressBits parsed(String text) {
        IpAddressBits bits = new IpAddressBits();
        assertThat(bits.parse(text)).as(text).isTrue();
        return bits;
    }

    /** The JDK's reading of an address literal (never a DNS lookup for literals), as IPv4-mapped 128 bits. */
    private static long[] jdk(String literal) throws UnknownHostException {
        byte[] raw = InetAddress.getByName(literal).getAddress();
        ByteBuffer buffer = ByteBuffer.allocate(16);
        if (raw.length == 4) {
            buffer.putLong(0).putShort((short) 0).putShort((short) 0xFFFF).put(raw);
        } else {
            buffer.put(raw);
        }
        return new long[] {buffer.getLong(0), buffer.getLong(8)};
    }

    @Test
    void parseWhenIpv4ThenStoredAsMappedIpv6() {
        IpAddressBits bits = parsed("192.0.2.1");

        assertThat(bits.ipv4).isTrue();
        assertThat(bits.high).isZero();
        assertThat(bits.low).isEqualTo(0x0000FFFFC0000201L);
    }

    @Test
    void parseWhenMappedIpv6ThenSameBitsAsIpv4() {
        IpAddressBits mapped = parsed("::ffff:192.0.2.1");
        IpAddressBits hex = parsed("::FFFF:c000:201");

        assertThat(mapped.ipv4).isFalse();
        assertThat(mapped.low).isEqualTo(0x0000FFFFC0000201L);
        assertThat(hex.low).isEqualTo(mapped.low);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1::", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", "fe80::1:2:3:4:5:6",
            "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "64:ff9b::192.0.2.33", "0.0.0.0",
            "255.255.255.255", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "1:0:0:2::3"})
    void parseWhenValidLiteralThenAgreesWithJdk(String literal) throws UnknownHostException {
        IpAddressBits bits = parsed(literal);

        assertThat(new long[] {bits.high, bits.low}).isEqualTo(jdk(literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.1.1.1", "1.2.3.-4",
            "1..2.3", "1.2.3.4 ", "12345::", "g::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
            "1::2::3", ":1::", "1:", ":1", "1.2.3.4::", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4", "fe80::1%1",
            "[::1]", "::ffff:1.2.3.256", "\u0661.2.3.4", "１::"})
    void parseWhenInvalidLiteralThenFalse(String text) {
        assertThat(new IpAddressBits().parse(text)).as(text).isFalse();
    }

    @Test
    void parseWhenRandomAddressesInEveryTextFormThenAgreesWithJdk() throws UnknownHostException {
        Random random = new Random(20240601L);
        for (int n = 0; n < 5_000; n++) {
            int[] groups = new int[8];
            for (int g = 0; g < 8; g++) {
                // Plenty of zero groups so that "::" shows up in every position.
                groups[g] = random.nextInt(3) == 0 ? 0 : random.nextInt(0x10000);
            }
            String full = String.join(":", java.util.Arrays.stream(groups).mapToObj(Integer::toHexString).toList());
            for (String text : new String[] {full, compress(groups), full.toUpperCase(Locale.ROOT)}) {
                IpAddressBits bits = parsed(text);
                assertThat(new long[] {bits.high, bits.low}).as(text).isEqualTo(jdk(text));
            }
        }
    }

    /** Replaces the longest run of zero groups (at least two) with "::", as RFC 5952 section 4.2 does. */
    private static String compress(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
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

    @Test
    void blockWhenPrefixHasHostBitsThenTheyAreCleared() {
        IpBlock block = IpBlock.parse("10.1.2.3/8");
        IpAddressBits inside = parsed("10.200.0.1");

        assertThat(block).isEqualTo(IpBlock.parse("10.0.0.0/8"));
        assertThat(block.contains(inside.high, inside.low)).isTrue();
    }

    @Test
    void blockWhenEdgePrefixesThenMasksAreRight() {
        IpAddressBits address = parsed("2001:db8::1");

        assertThat(IpBlock.parse("::/0").contains(address.high, address.low)).isTrue();
        assertThat(IpBlock.parse("2001:db8::/64").contains(address.high, address.low)).isTrue();
        assertThat(IpBlock.parse("2001:db8::/128").contains(address.high, address.low)).isFalse();
        assertThat(IpBlock.parse("2001:db8::1/128").contains(address.high, address.low)).isTrue();
        assertThat(IpBlock.parse("2000::/3").contains(address.high, address.low)).isTrue();
        assertThat(IpBlock.parse("4000::/3").contains(address.high, address.low)).isFalse();
        assertThat(IpBlock.parse("10.0.0.0/0").contains(address.high, address.low)).isFalse();
    }
}
