package io.latchkey.jose;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
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
    /**
     * The fastest provider that loads on this platform (the default): {@link #ACCP}, else {@link #CONSCRYPT},
     * else {@link #JDK}.
     */
    AUTO,
    /** The JDK's built-in provider (SunEC, SunRsaSign). */
    JDK,
    /** Bouncy Castle, pure Java. */
    BC,
    /** Conscrypt: BoringSSL through JNI, bundled for Linux, macOS and Windows on x86-64 (and some aarch64). */
    CONSCRYPT,
    /**
     * Amazon Corretto Crypto Provider: AWS-LC through JNI, bundled for Linux on x86-64. Its RSA-2048 uses
     * AVX-512 IFMA where the CPU has it (two to four times the other providers' RS256 signatures here).
     */
    ACCP;

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
     * The provider, or {@code null} for {@link #JDK} (callers then use the JCA default lookup).
     *
     * @throws IllegalStateException when the provider cannot load on this platform (Conscrypt or ACCP without
     *                               its native library), so a misconfiguration fails at start-up
     */
    public Provider newProvider() {
        return switch (this) {
            case AUTO -> resolve().newProvider();
            case JDK -> null;
            case BC -> new BouncyCastleProvider();
            case CONSCRYPT -> conscrypt();
            case ACCP -> accp();
        };
    }

    /** What {@link #AUTO} picks here: the first of {@link #ACCP}, {@link #CONSCRYPT} that loads, else {@link #JDK}. */
    public CryptoProvider resolve() {
        if (this != AUTO) {
            return this;
        }
        for (CryptoProvider candidate : new CryptoProvider[] {ACCP, CONSCRYPT}) {
            try {
                candidate.newProvider();
                return candidate;
            } catch (IllegalStateException e) {
                // not on this platform: try the next one
            }
        }
        return JDK;
    }

    private static Provider accp() {
        Throwable error;
        try {
            AmazonCorrettoCryptoProvider p = AmazonCorrettoCryptoProvider.INSTANCE;
            error = p.getLoadingError();
            if (error == null) {
                p.assertHealthy(); // its self-tests of the algorithms it serves
                return p;
            }
        } catch (Throwable e) { // LinkageError when the class or its native library does not fit
            error = e;
        }
        throw new IllegalStateException("crypto-provider accp is not available on this platform ("
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + error);
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
