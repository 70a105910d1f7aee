package io.latchkey.jose;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.conscrypt.Conscrypt;

import java.security.Provider;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JCA provider that computes the instance's JWT signatures ({@code crypto-provider} setting). Signature
 * speed differs several-fold between providers and JDKs (docs/PERFORMANCE.md has the measurements), while the
 * signatures themselves are interchangeable: every provider here produces standard ES256/RS256 signatures that
 * any verifier accepts, and the keys stay JDK key objects, so switching needs no migration.
 *
 * <p>The provider is only handed to the signers and verifiers of our own tokens; it is never installed
 * globally, so TLS, key generation and everything else keep the JDK's defaults.
 *
 * @since 0.1
 */
public enum CryptoProvider {
    /** Conscrypt where its native library loads on this platform, otherwise the JDK's provider (the default). */
    AUTO,
    /** The JDK's built-in provider (SunEC, SunRsaSign). */
    JDK,
    /** Bouncy Castle, pure Java. */
    BC,
    /** Conscrypt: BoringSSL through JNI, bundled for Linux, macOS and Windows on x86-64 (and some aarch64). */
    CONSCRYPT;

    /** The setting's value, e.g. {@code conscrypt}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a setting value; unknown names fail with the list of accepted ones. */
    public static CryptoProvider parse(String value) {
        if (value != null) {
            for (CryptoProvider p : values()) {
                if (p.key().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("crypto-provider must be one of "
                + Arrays.stream(values()).map(CryptoProvider::key).collect(Collectors.joining(", ")) + ", not " + value);
    }

    /**
     * A new provider instance, or {@code null} for {@link #JDK} (callers then use the JCA default lookup).
     *
     * @throws IllegalStateException when the provider cannot load on this platform (Conscrypt without its
     *                               native library), so a misconfiguration fails at start-up
     */
    public Provider newProvider() {
        return switch (this) {
            case AUTO -> conscryptIfAvailable();
            case JDK -> null;
            case BC -> new BouncyCastleProvider();
            case CONSCRYPT -> conscrypt();
        };
    }

    /** What {@link #AUTO} picks here: {@link #CONSCRYPT} or {@link #JDK}. */
    public CryptoProvider resolve() {
        if (this != AUTO) {
            return this;
        }
        return conscryptIfAvailable() != null ? CONSCRYPT : JDK;
    }

    private static Provider conscryptIfAvailable() {
        try {
            return conscrypt();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static Provider conscrypt() {
        try {
            Conscrypt.checkAvailability();
            return Conscrypt.newProvider();
        } catch (Throwable e) { // UnsatisfiedLinkError and friends when the native library does not fit
            throw new IllegalStateException("crypto-provider conscrypt is not available on this platform ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e);
        }
    }
}
