package io.latchkey.sdk;

import io.latchkey.sdk.internal.AccessKeyCredentials;
import io.latchkey.sdk.internal.AccessKeyWire;
import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The access keys of one project, reached through {@link LatchkeyClient#accessKeys(String)}: the native API
 * under {@code /iam/v1/projects/{projectId}/access-keys}, plus the project's management keys, roles,
 * permissions and tenants, the exchange of a key for a session JWT, and the keys that verify sessions.
 *
 * <p>Auth modes: management calls accept a user token or a personal access token's session (the project's
 * owner and administrators may change things, members and viewers may read); {@link #exchange} and
 * {@link #signingKeys()} send no client credentials at all. A project the caller cannot see answers
 * {@link NotFoundException}.
 *
 * <pre>{@code
 * AccessKeysApi keys = client.accessKeys(projectId);
 * keys.roles().create("Reader", null, List.of("reports:read"));
 * CreatedAccessKey created = keys.create(NewAccessKey.named("reporter").withRoles("Reader"));
 * store(created.cleartext());                      // shown this once
 * keys.deactivate(created.key().id());             // exchanges now fail
 * }</pre>
 *
 * @since 0.1
 */
public final class AccessKeysApi {
    /** The native access-key endpoints take a user token or a personal access token's session. */
    static final AuthPolicy AUTH = AuthPolicy.of("access keys", AuthMode.USER, AuthMode.PAT);

    private final ApiExecutor executor;
    private final String projectId;
    private final String base;

    AccessKeysApi(ApiExecutor executor, String projectId) {
        this.executor = executor;
        this.projectId = AccessKeyCredentials.requireProjectId(projectId);
        this.base = "/iam/v1/projects/" + ApiCall.segment(projectId);
    }

    /** The project these calls act on. */
    public String projectId() {
        return projectId;
    }

    /** The project's management keys. */
    public ManagementKeysApi managementKeys() {
        return new ManagementKeysApi(executor, base + "/management-keys");
    }

    /** The project's roles (named sets of permissions that keys hold). */
    public AccessKeyRolesApi roles() {
        return new AccessKeyRolesApi(executor, base);
    }

    /** The project's permission names. */
    public AccessKeyPermissionsApi permissions() {
        return new AccessKeyPermissionsApi(executor, base);
    }

    /** The project's tenants. */
    public TenantsApi tenants() {
        return new TenantsApi(executor, base + "/tenants");
    }

    /**
     * Creates an access key. The answer carries the key's value this once.
     *
     * @throws ValidationException when a member is invalid (a reserved custom claim, an unknown role...)
     * @throws ForbiddenException  when the caller may not create keys in the project
     */
    public CreatedAccessKey create(NewAccessKey request) {
        Objects.requireNonNull(request, "request cannot be null");
        return executor.execute(ApiCall.post(base + "/access-keys", request, CreatedAccessKey.class, AUTH));
    }

    /** Every access key of the project. */
    public List<AccessKey> list() {
        return list(AccessKeyFilter.all());
    }

    /**
     * The project's access keys that match a filter. Several tenants match keys in any of them (one request per
     * tenant, merged by key id, in the server's order).
     */
    public List<AccessKey> list(AccessKeyFilter filter) {
        Objects.requireNonNull(filter, "filter cannot be null");
        if (filter.tenantIds().size() <= 1) {
            return listOnce(filter.tenantIds().isEmpty() ? null : filter.tenantIds().get(0), filter);
        }
        Map<String, AccessKey> merged = new LinkedHashMap<>();
        for (String tenant : filter.tenantIds()) {
            listOnce(tenant, filter).forEach(k -> merged.putIfAbsent(k.id(), k));
        }
        return List.copyOf(new ArrayList<>(merged.values()));
    }

    private List<AccessKey> listOnce(String tenantId, AccessKeyFilter filter) {
        AccessKeyWire.Keys page = executor.execute(ApiCall.get(base + "/access-keys", AccessKeyWire.Keys.class, AUTH)
                .query("tenantId", tenantId).query("boundUserId", filter.boundUserId())
                .query("creatingUser", filter.creatingUser()));
        return page.keys() == null ? List.of() : page.keys();
    }

    /**
     * One access key.
     *
     * @throws NotFoundException when the project has no such key
     */
    public AccessKey get(String keyId) {
        return executor.execute(ApiCall.get(key(keyId), AccessKeyWire.Key.class, AUTH)).key();
    }

    /** Changes a key; members left null in {@code changes} stay as they are. */
    public AccessKey update(String keyId, AccessKeyUpdate changes) {
        Objects.requireNonNull(changes, "changes cannot be null");
        return executor.execute(ApiCall.patch(key(keyId), changes, AccessKeyWire.Key.class, AUTH)).key();
    }

    /** Lets the key be exchanged again. */
    public AccessKey activate(String keyId) {
        return executor.execute(ApiCall.post(key(keyId) + "/activate", Map.of(), AccessKeyWire.Key.class, AUTH)).key();
    }

    /** Stops new exchanges of the key; sessions already issued stay valid until their {@code exp}. */
    public AccessKey deactivate(String keyId) {
        return executor.execute(ApiCall.post(key(keyId) + "/deactivate", Map.of(), AccessKeyWire.Key.class, AUTH)).key();
    }

    /** Replaces the key's value: the old one stops working now, the new one is in the answer, this once. */
    public CreatedAccessKey rotate(String keyId) {
        return executor.execute(ApiCall.post(key(keyId) + "/rotate", Map.of(), CreatedAccessKey.class, AUTH));
    }

    /** Deletes the key; its value stops working now. */
    public void delete(String keyId) {
        executor.execute(ApiCall.delete(key(keyId), AUTH));
    }

    /**
     * Exchanges an access key of this project for a session JWT, without the client's credentials (the key is
     * the credential). To keep a session renewed, give a client {@link Credentials#accessKey} instead.
     *
     * @throws UnauthorizedException when the key is unknown, inactive, expired, deleted or bound to a disabled user
     * @throws ForbiddenException    when called from an address outside the key's permitted addresses
     * @throws RateLimitException    after repeated failures
     */
    public AccessKeySession exchange(String accessKey) {
        return exchange(accessKey, ExchangeOptions.NONE);
    }

    /** As {@link #exchange(String)}, with claims added under {@code nsec} and a selected tenant. */
    public AccessKeySession exchange(String accessKey, ExchangeOptions options) {
        Objects.requireNonNull(accessKey, "accessKey cannot be null");
        Objects.requireNonNull(options, "options cannot be null");
        if (accessKey.isBlank() || accessKey.contains(":")) {
            throw new IllegalArgumentException("accessKey must be the key's value as shown at creation (it never contains ':')");
        }
        return executor.executeWithBearer(ApiCall.post(AccessKeyCredentials.EXCHANGE_PATH, options.body(),
                AccessKeySession.class, AuthPolicy.none()), projectId + ":" + accessKey.trim());
    }

    /** The public RSA keys that verify this project's sessions ({@code GET /v2/keys/{projectId}}; no credentials). */
    public JsonWebKeySet signingKeys() {
        return executor.execute(ApiCall.get(signingKeysPath(projectId), JsonWebKeySet.class, AuthPolicy.none()));
    }

    static String signingKeysPath(String projectId) {
        return "/v2/keys/" + ApiCall.segment(projectId);
    }

    private String key(String keyId) {
        return base + "/access-keys/" + ApiCall.segment(keyId);
    }
}
