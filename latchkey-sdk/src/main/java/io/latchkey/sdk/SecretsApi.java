package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.Calls;
import io.latchkey.sdk.internal.SecretsWire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Secrets per project, environment and folder ({@code /api/v3/secrets/raw}, specs/infisical.md section 4),
 * reached through {@link LatchkeyClient#secrets()}. Accepts a machine identity token, a user token, a
 * personal access token's session or a project-scoped token (its own project only). Every call goes
 * through the server's policy evaluator: a denial is a {@link ForbiddenException} naming the missing
 * permission.
 *
 * <p>Values are secrets: {@link Secret#toString()} masks them; never log them.
 *
 * @since 0.1
 */
public final class SecretsApi {
    static final AuthPolicy AUTH = AuthPolicy.of("secrets", AuthMode.IDENTITY, AuthMode.USER, AuthMode.PAT, AuthMode.PROJECT);
    private static final String RAW = "/api/v3/secrets/raw";
    private static final String BATCH = "/api/v3/secrets/batch/raw";

    private final ApiExecutor executor;

    SecretsApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /** The secrets of a folder with the default options (values, references expanded, no imports). */
    public SecretListing list(SecretLocation location) {
        return list(location, SecretListOptions.defaults());
    }

    /**
     * The secrets of a folder (and below, and imported, as the options say).
     *
     * @throws NotFoundException  when the project, environment or folder does not exist
     * @throws ForbiddenException when the caller may not list there
     */
    public SecretListing list(SecretLocation location, SecretListOptions options) {
        Objects.requireNonNull(options, "options cannot be null");
        return executor.execute(located(ApiCall.get(RAW, SecretListing.class, AUTH), location, options)
                .query("recursive", options.recursive()));
    }

    /** One secret by name, current version, with the default options. */
    public Secret get(SecretLocation location, String key) {
        return get(location, key, SecretListOptions.defaults(), null);
    }

    /**
     * One secret by name.
     *
     * @param version a past version to read, or null for the current one
     * @throws NotFoundException when there is no such secret (nor, with imports, in any import)
     */
    public Secret get(SecretLocation location, String key, SecretListOptions options, Integer version) {
        Objects.requireNonNull(options, "options cannot be null");
        return executor.execute(located(ApiCall.get(RAW + "/" + ApiCall.segment(key), SecretsWire.SecretEnvelope.class, AUTH),
                location, options).query("version", version)).secret();
    }

    /**
     * Creates a secret.
     *
     * @throws BadRequestException when a secret of that name exists
     * @throws ValidationException when the name or value is invalid
     */
    public Secret create(SecretLocation location, SecretWrite secret) {
        Objects.requireNonNull(secret, "secret cannot be null");
        Map<String, Object> body = body(location);
        body.put("secretValue", Objects.requireNonNull(secret.value(), "value cannot be null"));
        putIfSet(body, "secretComment", secret.comment());
        putIfSet(body, "tagIds", secret.tagIds());
        return executor.execute(ApiCall.post(RAW + "/" + ApiCall.segment(secret.key()), body, SecretsWire.SecretEnvelope.class,
                AUTH)).secret();
    }

    /**
     * Changes a secret: the members set in {@code changes} (value, comment, tags, a new name).
     *
     * @throws ConflictException when {@link SecretWrite#expectedVersion()} is set and the secret moved on
     */
    public Secret update(SecretLocation location, SecretWrite changes) {
        Objects.requireNonNull(changes, "changes cannot be null");
        Map<String, Object> body = body(location);
        putIfSet(body, "secretValue", changes.value());
        putIfSet(body, "secretComment", changes.comment());
        putIfSet(body, "newSecretName", changes.newKey());
        putIfSet(body, "tagIds", changes.tagIds());
        putIfSet(body, "version", changes.expectedVersion());
        return executor.execute(Calls.patch(RAW + "/" + ApiCall.segment(changes.key()), body, SecretsWire.SecretEnvelope.class,
                AUTH)).secret();
    }

    /** Deletes a secret with its history; answers with the secret as it was (value hidden). */
    public Secret delete(SecretLocation location, String key) {
        return executor.execute(Calls.delete(RAW + "/" + ApiCall.segment(key), body(location), SecretsWire.SecretEnvelope.class,
                AUTH)).secret();
    }

    /** Creates several secrets, all or nothing. */
    public List<Secret> createAll(SecretLocation location, List<SecretWrite> secrets) {
        Map<String, Object> body = body(location);
        body.put("secrets", entries(secrets, true));
        return batch(ApiCall.post(BATCH, body, SecretsWire.SecretBatch.class, AUTH));
    }

    /**
     * Sets several secrets, all or nothing: updates those that exist and creates the others (upsert). The
     * usual way to write a set of values.
     */
    public List<Secret> upsertAll(SecretLocation location, List<SecretWrite> secrets) {
        Map<String, Object> body = body(location);
        body.put("secrets", entries(secrets, false));
        body.put("mode", "upsert");
        return batch(Calls.patch(BATCH, body, SecretsWire.SecretBatch.class, AUTH));
    }

    /** Deletes several secrets, all or nothing. */
    public List<Secret> deleteAll(SecretLocation location, List<String> keys) {
        Objects.requireNonNull(keys, "keys cannot be null");
        Map<String, Object> body = body(location);
        body.put("secrets", keys.stream().map(k -> Map.of("secretKey", Objects.requireNonNull(k, "keys cannot contain null")))
                .toList());
        return batch(Calls.delete(BATCH, body, SecretsWire.SecretBatch.class, AUTH));
    }

    /** The versions of a secret, newest first (at most 100). */
    public List<SecretVersion> versions(String secretId) {
        List<SecretVersion> l = executor.execute(ApiCall.get("/api/v1/secret/" + ApiCall.segment(secretId) + "/secret-versions",
                SecretsWire.SecretVersions.class, AUTH).query("limit", 100)).secretVersions();
        return l == null ? List.of() : l;
    }

    /** Rolls a secret back: writes a new version equal to {@code version} (needs {@code secrets:Rollback}). */
    public Secret rollback(String secretId, int version) {
        return executor.execute(ApiCall.post("/api/v1/secret/" + ApiCall.segment(secretId) + "/secret-versions/rollback",
                Map.of("version", version), SecretsWire.SecretEnvelope.class, AUTH)).secret();
    }

    private static <T> ApiCall<T> located(ApiCall<T> call, SecretLocation l, SecretListOptions o) {
        Objects.requireNonNull(l, "location cannot be null");
        return call.query("workspaceId", l.projectId()).query("environment", l.environment()).query("secretPath", l.path())
                .query("expandSecretReferences", o.expandReferences()).query("include_imports", o.includeImports())
                .query("viewSecretValue", o.includeValues());
    }

    static Map<String, Object> body(SecretLocation l) {
        Objects.requireNonNull(l, "location cannot be null");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workspaceId", l.projectId());
        body.put("environment", l.environment());
        body.put("secretPath", l.path());
        return body;
    }

    private static List<Map<String, Object>> entries(List<SecretWrite> secrets, boolean valueRequired) {
        Objects.requireNonNull(secrets, "secrets cannot be null");
        return secrets.stream().map(s -> {
            Objects.requireNonNull(s, "secrets cannot contain null");
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("secretKey", Objects.requireNonNull(s.key(), "key cannot be null"));
            if (valueRequired) {
                Objects.requireNonNull(s.value(), "value cannot be null");
            }
            putIfSet(e, "secretValue", s.value());
            putIfSet(e, "secretComment", s.comment());
            putIfSet(e, "newSecretName", s.newKey());
            putIfSet(e, "tagIds", s.tagIds());
            putIfSet(e, "version", s.expectedVersion());
            return e;
        }).toList();
    }

    private List<Secret> batch(ApiCall<SecretsWire.SecretBatch> call) {
        List<Secret> l = executor.execute(call).secrets();
        return l == null ? List.of() : l;
    }

    private static void putIfSet(Map<String, Object> body, String member, Object value) {
        if (value != null) {
            body.put(member, value);
        }
    }
}
