package io.latchkey.core.secrets;

import io.latchkey.core.project.Project;
import io.latchkey.core.support.Require;

import java.nio.charset.StandardCharsets;

/**
 * Seals and opens secret values and comments with the project's data key. The associated data binds each
 * ciphertext to the secret's identity and version ({@code secret:<projectId>:<secretId>:<version>}), so a
 * value copied onto another secret, or an old version's value replayed as the current one, fails to open.
 *
 * <p>Consequence: writing a new version (an update, a move, a rollback) re-seals the value under the new
 * version's context; a version row and the current row of the same version share one ciphertext.
 *
 * @since 0.1
 */
public final class SecretCipher {
    private final ProjectDataKeys keys;

    public SecretCipher(ProjectDataKeys keys) {
        this.keys = Require.nonNull(keys, "keys");
    }

    public byte[] sealValue(Project project, String secretId, int version, String value) {
        return keys.seal(project, value.getBytes(StandardCharsets.UTF_8), valueContext(project.id(), secretId, version));
    }

    /** Null for an empty comment: nothing to protect, nothing stored. */
    public byte[] sealComment(Project project, String secretId, int version, String comment) {
        if (comment == null || comment.isEmpty()) {
            return null;
        }
        return keys.seal(project, comment.getBytes(StandardCharsets.UTF_8), commentContext(project.id(), secretId, version));
    }

    public String openValue(Project project, Secret secret) {
        return new String(keys.open(project, secret.sealedValue(), valueContext(project.id(), secret.id(), secret.version())),
                StandardCharsets.UTF_8);
    }

    public String openComment(Project project, Secret secret) {
        if (secret.sealedComment() == null) {
            return "";
        }
        return new String(keys.open(project, secret.sealedComment(),
                commentContext(project.id(), secret.id(), secret.version())), StandardCharsets.UTF_8);
    }

    static String valueContext(String projectId, String secretId, int version) {
        return "secret:" + projectId + ":" + secretId + ":" + version;
    }

    static String commentContext(String projectId, String secretId, int version) {
        return "secret-comment:" + projectId + ":" + secretId + ":" + version;
    }
}
