package io.latchkey.core.crypto;

import io.latchkey.core.support.Require;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of high-entropy credentials (access keys, client secrets, static tokens, management keys):
 * HMAC-SHA-256 under an instance pepper derived from the root key. A credential is 256 random bits, so a
 * slow password hash adds nothing; the pepper makes a stolen table useless without the root key, and
 * verification is one hash plus one indexed lookup.
 *
 * <p>Thread-safe: each thread keeps its own {@link Mac}.
 *
 * @since 0.1
 */
public final class KeyedHasher {
    private final ThreadLocal<Mac> macs;

    public KeyedHasher(byte[] pepper) {
        Require.nonNull(pepper, "pepper");
        byte[] k = pepper.clone();
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(k, "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        });
    }

    public static KeyedHasher fromRootKey(RootKey rootKey) {
        return new KeyedHasher(rootKey.derive("latchkey/credential-pepper/v1"));
    }

    /** Lower-case hex of HMAC-SHA-256(pepper, purpose || 0x00 || secret). */
    public String hash(String purpose, String secret) {
        Mac m = macs.get();
        m.update(purpose.getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0);
        return HexFormat.of().formatHex(m.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
