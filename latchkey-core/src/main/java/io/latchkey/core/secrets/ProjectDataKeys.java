package io.latchkey.core.secrets;

import io.latchkey.core.crypto.RootKey;
import io.latchkey.core.crypto.SecretBox;
import io.latchkey.core.project.Project;
import io.latchkey.core.support.Require;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encrypts and decrypts with a project's data key: the AES-256 key created with the project and stored
 * wrapped by the root key (context {@code project-data-key:<projectId>}).
 *
 * <p>Design: the unwrapped key is kept in memory per project, as a ready {@link SecretBox}, so that the hot
 * path (a secret read) costs one AES-GCM open and no unwrap. A project's data key never changes and its id
 * is never reused, so entries need no invalidation; the map is cleared when it grows past
 * {@link #MAX_CACHED} projects. The raw key bytes are wiped once the box holds its own copy.
 *
 * <p>Every caller passes an associated-data context that names what is sealed ({@code secret:<projectId>:
 * <secretId>:<version>}, {@code kms-key:...}), so a ciphertext copied to another row or version fails to open.
 *
 * @since 0.1
 */
public final class ProjectDataKeys {
    static final int MAX_CACHED = 10_000;

    private final RootKey rootKey;
    private final Map<String, SecretBox> boxes = new ConcurrentHashMap<>();

    public ProjectDataKeys(RootKey rootKey) {
        this.rootKey = Require.nonNull(rootKey, "rootKey");
    }

    public byte[] seal(Project project, byte[] plaintext, String context) {
        return box(project).seal(plaintext, context);
    }

    /**
     * @throws IllegalStateException when the stored ciphertext does not open: it was altered or moved, which
     *         is a storage fault, not a client error
     */
    public byte[] open(Project project, byte[] sealed, String context) {
        try {
            return box(project).open(sealed, context);
        } catch (SecretBox.DecryptionFailedException e) {
            throw new IllegalStateException("stored ciphertext of project " + project.id() + " failed authentication", e);
        }
    }

    private SecretBox box(Project project) {
        SecretBox box = boxes.get(project.id());
        if (box != null) {
            return box;
        }
        byte[] key = rootKey.unwrap(project.dataKeyWrapped(), "project-data-key:" + project.id());
        try {
            box = new SecretBox(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        if (boxes.size() >= MAX_CACHED) {
            boxes.clear();
        }
        boxes.put(project.id(), box);
        return box;
    }
}
