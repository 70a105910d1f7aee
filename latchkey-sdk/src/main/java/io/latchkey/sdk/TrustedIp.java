package io.latchkey.sdk;

/**
 * An address range a credential or token may be used from.
 *
 * @param ipAddress the network address
 * @param prefix    the prefix length (32 or 128 for a single address)
 * @param type      {@code ipv4} or {@code ipv6}
 * @since 0.1
 */
public record TrustedIp(String ipAddress, int prefix, String type) {

    /** CIDR notation, e.g. {@code 10.0.0.0/8}. */
    public String cidr() {
        return ipAddress + "/" + prefix;
    }
}
