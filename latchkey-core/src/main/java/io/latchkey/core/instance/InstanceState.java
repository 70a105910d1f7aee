package io.latchkey.core.instance;

import io.latchkey.core.crypto.RootKey;
import io.latchkey.core.crypto.SecretBox;
import io.latchkey.core.support.Require;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Instance-level facts every node needs: whether the instance is bootstrapped, and whether the configured
 * root key is the one the stored data was encrypted with.
 *
 * @since 0.1
 */
public final class InstanceState {
    public static final String KEY_BOOTSTRAPPED_AT = "bootstrapped_at";
    public static final String KEY_ROOT_KEY_CHECK = "root_key_check";
    static final String ROOT_KEY_MISMATCH =
            "the configured root key is not the one this database was initialised with "
                    + "(set LATCHKEY_ROOT_KEY or restore the data folder's root.key)";

    private static final String CHECK_PLAINTEXT = "latchkey-root-key-check";

    private final InstanceRepository repository;
    private volatile boolean bootstrapped;

    public InstanceState(InstanceRepository repository) {
        this.repository = Require.nonNull(repository, "repository");
    }

    /**
     * Stores a check value on first start and compares it on every later start, so a node started with a
     * different root key refuses to run instead of failing on the first decryption.
     *
     * @throws IllegalStateException with a one-line reason when the key does not match
     */
    public void checkRootKey(RootKey rootKey) {
        Optional<String> stored = repository.get(KEY_ROOT_KEY_CHECK);
        if (stored.isEmpty()) {
            byte[] sealed = rootKey.wrap(CHECK_PLAINTEXT.getBytes(StandardCharsets.UTF_8), "root-key-check");
            if (repository.putIfAbsent(KEY_ROOT_KEY_CHECK, Base64.getEncoder().encodeToString(sealed))) {
                return;
            }
            stored = repository.get(KEY_ROOT_KEY_CHECK);
        }
        try {
            byte[] opened = rootKey.unwrap(Base64.getDecoder().decode(stored.orElseThrow()), "root-key-check");
            if (!CHECK_PLAINTEXT.equals(new String(opened, StandardCharsets.UTF_8))) {
                throw new IllegalStateException(ROOT_KEY_MISMATCH);
            }
        } catch (SecretBox.DecryptionFailedException | IllegalArgumentException e) {
            throw new IllegalStateException(ROOT_KEY_MISMATCH);
        }
    }

    /** True once a bootstrap has committed (on any node). Cached once true: it never becomes false. */
    public boolean isBootstrapped() {
        if (bootstrapped) {
            return true;
        }
        boolean b = repository.get(KEY_BOOTSTRAPPED_AT).isPresent();
        if (b) {
            bootstrapped = true;
        }
        return b;
    }

    /** Records that this node just bootstrapped the instance. */
    public void markBootstrapped() {
        bootstrapped = true;
    }
}
