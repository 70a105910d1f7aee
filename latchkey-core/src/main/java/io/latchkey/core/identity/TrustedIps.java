package io.latchkey.core.identity;

import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.IpRange;

import java.util.ArrayList;
import java.util.List;

/**
 * The address ranges a credential may be used from (universal auth's {@code clientSecretTrustedIps} and
 * every method's {@code accessTokenTrustedIps}, specs/infisical.md section 3.1). The default,
 * {@code 0.0.0.0/0} and {@code ::/0}, allows every address; only a narrower list costs a check.
 *
 * @since 0.1
 */
public record TrustedIps(List<IpRange> ranges) {
    /** Most ranges one list may hold. */
    public static final int MAX_RANGES = 100;
    public static final TrustedIps ANYWHERE = new TrustedIps(List.of(IpRange.parse("0.0.0.0/0", "default"),
            IpRange.parse("::/0", "default")));

    public TrustedIps {
        ranges = List.copyOf(ranges);
    }

    /**
     * Parses the configured ranges; null means {@link #ANYWHERE}, an empty list allows no address at all.
     *
     * @param field the request member, e.g. {@code accessTokenTrustedIps}; errors name its elements
     */
    public static TrustedIps parse(List<String> values, String field) {
        if (values == null) {
            return ANYWHERE;
        }
        if (values.size() > MAX_RANGES) {
            throw LatchkeyException.invalidField(field, field + " may hold at most " + MAX_RANGES + " ranges");
        }
        List<IpRange> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(IpRange.parse(values.get(i), field + "[" + i + "].ipAddress"));
        }
        return new TrustedIps(out);
    }

    /** The stored form: canonical CIDR strings. */
    public List<String> texts() {
        return ranges.stream().map(IpRange::toString).toList();
    }

    /** True when every IPv4 and every IPv6 address is allowed, so no check is needed. */
    public boolean allowsEverything() {
        boolean v4 = ranges.stream().anyMatch(r -> r.isIpv4() && r.matchesEverything());
        boolean v6 = ranges.stream().anyMatch(r -> !r.isIpv4() && r.matchesEverything());
        return v4 && v6;
    }

    /** True when {@code address} lies in one of the ranges; an unknown address (null) is never allowed. */
    public boolean allows(String address) {
        if (allowsEverything()) {
            return true;
        }
        return address != null && ranges.stream().anyMatch(r -> r.contains(address));
    }
}
