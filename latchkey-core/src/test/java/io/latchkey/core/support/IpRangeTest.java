package io.latchkey.core.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpRangeTest {

    @Test
    void containsWhenIpv4BlockThenMatchesItsAddressesOnly() {
        IpRange r = IpRange.parse("10.1.0.0/16");
        assertThat(r.contains("10.1.255.3")).isTrue();
        assertThat(r.contains("10.2.0.1")).isFalse();
        assertThat(r.contains("::ffff:10.1.0.9")).as("IPv4-mapped IPv6 counts as IPv4").isTrue();
        assertThat(r.contains("2001:db8::1")).isFalse();
    }

    @Test
    void containsWhenHostBitsSetThenBlockIsMasked() {
        assertThat(IpRange.parse("10.1.2.3/8").contains("10.200.0.1")).isTrue();
        assertThat(IpRange.parse("0.0.0.0/0").contains("192.0.2.1")).isTrue();
    }

    @Test
    void containsWhenSingleAddressOrIpv6ThenExactOrPrefixMatch() {
        assertThat(IpRange.parse("192.0.2.7").contains("192.0.2.7")).isTrue();
        assertThat(IpRange.parse("192.0.2.7").contains("192.0.2.8")).isFalse();
        assertThat(IpRange.parse("2001:db8::/32").contains("2001:db8:ffff::1")).isTrue();
        assertThat(IpRange.parse("::1").contains("[0:0:0:0:0:0:0:1]")).as("brackets from the container").isTrue();
        assertThat(IpRange.parse("fe80::/10").contains("fe80::1%eth0")).as("zone id stripped").isTrue();
    }

    @Test
    void containsWhenAddressIsNotALiteralThenFalseWithoutLookup() {
        IpRange r = IpRange.parse("0.0.0.0/0");
        assertThat(r.contains("localhost")).isFalse();
        assertThat(r.contains("example.com")).isFalse();
        assertThat(r.contains(null)).isFalse();
        assertThat(r.contains("")).isFalse();
    }

    @Test
    void parseWhenMalformedThenRefused() {
        for (String bad : new String[] {"", "10.0.0.0/33", "10.0.0", "010.0.0.1", "256.1.1.1", "10.0.0.0/", "10.0.0.0/-1",
                "host.example.com", "::1/129", "[::1]", "fe80::1%eth0", "1.2.3.4:80", "10.0.0.0/8/8"}) {
            assertThatThrownBy(() -> IpRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> IpRange.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenParsedThenTrimmedText() {
        assertThat(IpRange.parse(" 10.0.0.0/8 ")).hasToString("10.0.0.0/8");
    }
}
