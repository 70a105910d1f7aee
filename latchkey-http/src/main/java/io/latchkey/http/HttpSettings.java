package io.latchkey.http;

import io.latchkey.core.support.Require;

import java.util.List;

/**
 * Settings of the HTTP layer. Immutable; defaults in the builder.
 *
 * @since 0.1
 */
public final class HttpSettings {
    private final String host;
    private final int port;
    private final String publicUrl;
    private final long maxRequestBytes;
    private final List<String> trustedProxies;

    private HttpSettings(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.publicUrl = b.publicUrl;
        this.maxRequestBytes = b.maxRequestBytes;
        this.trustedProxies = List.copyOf(b.trustedProxies);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The base URL clients use to reach this server (no trailing slash); null means derived from host and port. */
    public String publicUrl() {
        return publicUrl;
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Addresses of reverse proxies whose X-Forwarded-For header is believed. Empty: none. */
    public List<String> trustedProxies() {
        return trustedProxies;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8400;
        private String publicUrl;
        private long maxRequestBytes = 1024 * 1024;
        private List<String> trustedProxies = List.of();

        private Builder() {
        }

        /** Default 127.0.0.1 (loopback only); use 0.0.0.0 to listen on every interface. */
        public Builder host(String host) {
            this.host = Require.nonBlank(host, "host");
            return this;
        }

        /** Default 8400; 0 picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalStateException("port must be between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        public Builder publicUrl(String url) {
            this.publicUrl = url == null ? null : (url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            return this;
        }

        /** Default 1 MiB. Larger bodies get 413 in the dialect's error shape. */
        public Builder maxRequestBytes(long n) {
            if (n < 1024) {
                throw new IllegalStateException("maxRequestBytes must be at least 1024");
            }
            this.maxRequestBytes = n;
            return this;
        }

        public Builder trustedProxies(List<String> proxies) {
            this.trustedProxies = proxies == null ? List.of() : proxies;
            return this;
        }

        public HttpSettings build() {
            return new HttpSettings(this);
        }
    }
}
