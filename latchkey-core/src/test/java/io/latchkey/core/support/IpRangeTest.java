package io.latchkey.core.support;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpRangeTest {

    @Test
    void parseWhenCidrThenHostBitsClearedAndContainsMatches() {
        IpRange r = IpRange.parse("10.1.2.3/16", "ips");
        assertThat(r.toString()).isEqualTo("10.1.0.0/16");
        assertThat(r.contains("10.1.255.7")).isTrue();
        assertThat(r.contains("10.2.0.1")).isFalse();
        assertThat(r.contains("::ffff:10.1.0.9")).as("IPv4-mapped IPv6 is its IPv4 address").isTrue();
    }

    @Test
    void parseWhenBareAddressThenSingleHost() {
        assertThat(IpRange.parse("192.0.2.7", "ips").toString()).isEqualTo("192.0.2.7/32");
        assertThat(IpRange.parse("[2001:db8::1]", "ips").toString()).isEqualTo("2001:db8::1/128");
    }

    @Test
    void addressWhenIpv6ThenRfc5952Form() {
        assertThat(IpRange.parse("::/0", "ips").address()).isEqualTo("::");
        assertThat(IpRange.parse("2001:0db8:0000:0000:0000:0000:0000:0000/32", "ips").address()).isEqualTo("2001:db8::");
        assertThat(IpRange.parse("1:0:0:2:0:0:0:3", "ips").address()).isEqualTo("1:0:0:2::3");
        assertThat(IpRange.parse("::1", "ips").address()).isEqualTo("::1");
    }

    @Test
    void containsWhenFamiliesDifferOrInputIsNotAnAddressThenFalse() {
        IpRange v6 = IpRange.parse("2001:db8::/32", "ips");
        assertThat(v6.contains("2001:db8:ffff::1")).isTrue();
        assertThat(v6.contains("10.0.0.1")).isFalse();
        assertThat(v6.contains(null)).isFalse();
        assertThat(v6.contains("localhost")).isFalse();
    }

    @Test
    void parseWhenNotALiteralThenInvalidFieldNamingIt() {
        for (String bad : new String[] {"example.com", "10.0.0.0/33", "10.0.0.256", "1.2.3", "::/129", "10.0.0.0/-1", "10.0.0.0/"}) {
            assertThatThrownBy(() -> IpRange.parse(bad, "accessTokenTrustedIps[0].ipAddress"))
                    .isInstanceOfSatisfying(LatchkeyException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                        assertThat(e.field()).isEqualTo("accessTokenTrustedIps[0].ipAddress");
                    });
        }
        assertThatThrownBy(() -> IpRange.parse(null, "ips"))
                .isInstanceOfSatisfying(LatchkeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD));
    }
}
