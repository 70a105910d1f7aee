package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.Calls;
import io.latchkey.sdk.internal.SecretsWire;
import io.latchkey.sdk.internal.UniversalAuthCredentials;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Universal auth of machine identities ({@code /api/v1/auth/universal-auth}, specs/infisical.md section
 * 3.1), reached through {@link LatchkeyClient#universalAuth()}: attach, read, change and detach the
 * configuration, and mint, list and revoke client secrets (user or identity token). {@link #login} needs
 * no credentials; for a client that logs in and renews by itself use {@link Credentials#universalAuth}.
 *
 * @since 0.1
 */
public final class UniversalAuthApi {
    private static final AuthPolicy AUTH = AuthPolicy.of("universal auth", AuthMode.USER, AuthMode.IDENTITY);
    private static final String BASE = "/api/v1/auth/universal-auth/identities/";

    private final ApiExecutor executor;

    UniversalAuthApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Attaches universal auth to an identity.
     *
     * @throws BadRequestException when it is attached already
     * @throws ValidationException when a setting is out of range (e.g. max TTL below TTL)
     */
    public UniversalAuth attach(String identityId, UniversalAuthSettings settings) {
        Objects.requireNonNull(settings, "settings cannot be null");
        return executor.execute(ApiCall.post(path(identityId), settings.toBody(), SecretsWire.UniversalAuthEnvelope.class,
                AUTH)).universalAuth();
    }

    /** The configuration, with the client id. */
    public UniversalAuth get(String identityId) {
        return executor.execute(ApiCall.get(path(identityId), SecretsWire.UniversalAuthEnvelope.class, AUTH)).universalAuth();
    }

    /** Changes the settings given; the others stay. */
    public UniversalAuth update(String identityId, UniversalAuthSettings settings) {
        Objects.requireNonNull(settings, "settings cannot be null");
        return executor.execute(Calls.patch(path(identityId), settings.toBody(), SecretsWire.UniversalAuthEnvelope.class,
                AUTH)).universalAuth();
    }

    /** Detaches universal auth: its client secrets stop working and the tokens it issued are revoked. */
    public UniversalAuth revoke(String identityId) {
        return executor.execute(Calls.delete(path(identityId), null, SecretsWire.UniversalAuthEnvelope.class, AUTH))
                .universalAuth();
    }

    /**
     * Mints a client secret. The answer holds the secret this once; the server keeps only a keyed hash.
     *
     * @param description  what it is for (may be null)
     * @param numUsesLimit logins it may make; 0 for unlimited
     * @param ttlSeconds   its lifetime; 0 for no expiry
     */
    public CreatedClientSecret createClientSecret(String identityId, String description, long numUsesLimit, long ttlSeconds) {
        if (numUsesLimit < 0 || ttlSeconds < 0) {
            throw new IllegalArgumentException("numUsesLimit and ttlSeconds cannot be negative");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (description != null) {
            body.put("description", description);
        }
        body.put("numUsesLimit", numUsesLimit);
        body.put("ttl", ttlSeconds);
        return executor.execute(ApiCall.post(path(identityId) + "/client-secrets", body, CreatedClientSecret.class, AUTH));
    }

    /** The records of the identity's client secrets (never the secrets). */
    public List<ClientSecret> listClientSecrets(String identityId) {
        List<ClientSecret> l = executor.execute(ApiCall.get(path(identityId) + "/client-secrets",
                SecretsWire.ClientSecretList.class, AUTH)).clientSecretData();
        return l == null ? List.of() : l;
    }

    public ClientSecret getClientSecret(String identityId, String clientSecretId) {
        return executor.execute(ApiCall.get(path(identityId) + "/client-secrets/" + ApiCall.segment(clientSecretId),
                SecretsWire.ClientSecretEnvelope.class, AUTH)).clientSecretData();
    }

    /** Revokes a client secret: it cannot log in any more (tokens it already obtained run out normally). */
    public ClientSecret revokeClientSecret(String identityId, String clientSecretId) {
        return executor.execute(ApiCall.post(path(identityId) + "/client-secrets/" + ApiCall.segment(clientSecretId) + "/revoke",
                null, SecretsWire.ClientSecretEnvelope.class, AUTH)).clientSecretData();
    }

    /**
     * Logs in with a client id and secret ({@code POST /api/v1/auth/universal-auth/login}); sends no
     * credentials. Never retried: a wrong secret counts towards the lockout.
     *
     * @throws UnauthorizedException when the client id or secret is wrong, revoked, expired, used up, or
     *                               the client id is locked out
     */
    public IdentityLogin login(String clientId, String clientSecret) {
        Objects.requireNonNull(clientId, "clientId cannot be null");
        Objects.requireNonNull(clientSecret, "clientSecret cannot be null");
        return executor.execute(ApiCall.post(UniversalAuthCredentials.LOGIN_PATH,
                Map.of("clientId", clientId, "clientSecret", clientSecret), IdentityLogin.class, AuthPolicy.none()));
    }

    private static String path(String identityId) {
        return BASE + ApiCall.segment(identityId);
    }
}
