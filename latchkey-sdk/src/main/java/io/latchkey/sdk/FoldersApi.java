package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.Calls;
import io.latchkey.sdk.internal.SecretsWire;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folders of secrets ({@code /api/v1/folders}, specs/infisical.md section 5), reached through
 * {@link LatchkeyClient#folders()}. Same credentials as {@link SecretsApi}.
 *
 * @since 0.1
 */
public final class FoldersApi {
    private static final String PATH = "/api/v1/folders";

    private final ApiExecutor executor;

    FoldersApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Creates folder {@code name} inside {@code parent}; idempotent (an existing folder is answered as is)
     * and creates missing parents.
     *
     * @throws ValidationException when the name is not letters, digits, {@code _} and {@code -}
     */
    public Folder create(SecretLocation parent, String name) {
        Objects.requireNonNull(name, "name cannot be null");
        Map<String, Object> body = SecretsApi.body(parent);
        body.remove("secretPath");
        body.put("path", parent.path());
        body.put("name", name);
        return executor.execute(ApiCall.post(PATH, body, SecretsWire.FolderEnvelope.class, SecretsApi.AUTH)).folder();
    }

    /** The folders directly inside {@code parent} ({@code recursive}: every folder below). */
    public List<Folder> list(SecretLocation parent, boolean recursive) {
        Objects.requireNonNull(parent, "parent cannot be null");
        List<Folder> l = executor.execute(ApiCall.get(PATH, SecretsWire.FolderList.class, SecretsApi.AUTH)
                .query("workspaceId", parent.projectId()).query("environment", parent.environment())
                .query("path", parent.path()).query("recursive", recursive)).folders();
        return l == null ? List.of() : l;
    }

    public Folder get(String folderId) {
        return executor.execute(ApiCall.get(PATH + "/" + ApiCall.segment(folderId), SecretsWire.FolderEnvelope.class,
                SecretsApi.AUTH)).folder();
    }

    /** Renames folder {@code folderId} (which lives in {@code parent}). */
    public Folder rename(SecretLocation parent, String folderId, String newName) {
        Objects.requireNonNull(newName, "newName cannot be null");
        Map<String, Object> body = SecretsApi.body(parent);
        body.remove("secretPath");
        body.put("path", parent.path());
        body.put("name", newName);
        return executor.execute(Calls.patch(PATH + "/" + ApiCall.segment(folderId), body, SecretsWire.FolderEnvelope.class,
                SecretsApi.AUTH)).folder();
    }

    /**
     * Deletes a folder with everything in it (its secrets and the folders below).
     *
     * @param folderIdOrName the folder's id, or its name inside {@code parent}
     */
    public Folder delete(SecretLocation parent, String folderIdOrName) {
        Map<String, Object> body = SecretsApi.body(parent);
        body.remove("secretPath");
        body.put("path", parent.path());
        return executor.execute(Calls.delete(PATH + "/" + ApiCall.segment(folderIdOrName), body, SecretsWire.FolderEnvelope.class,
                SecretsApi.AUTH)).folder();
    }
}
