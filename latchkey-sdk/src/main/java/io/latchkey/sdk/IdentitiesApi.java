package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.Calls;
import io.latchkey.sdk.internal.OffsetPaging;
import io.latchkey.sdk.internal.SecretsWire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Machine identities of an organization ({@code /api/v1/identities}, specs/infisical.md section 3), reached
 * through {@link LatchkeyClient#identities()}. Accepts a user token or a machine identity token; the
 * caller's organization role decides what it may do ({@code identities:read}, {@code identities:manage}).
 * Renewing and revoking an identity's own access token need no credentials: the token is the credential.
 *
 * @since 0.1
 */
public final class IdentitiesApi {
    static final AuthPolicy AUTH = AuthPolicy.of("identities", AuthMode.USER, AuthMode.IDENTITY);
    private static final String PATH = "/api/v1/identities";

    private final ApiExecutor executor;

    IdentitiesApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Creates an identity in an organization.
     *
     * @throws ValidationException when the name, role or metadata is invalid
     * @throws ForbiddenException  when the caller may not manage identities, or not grant that role
     */
    public Identity create(String organizationId, IdentityRequest request) {
        Objects.requireNonNull(organizationId, "organizationId cannot be null");
        Objects.requireNonNull(request, "request cannot be null");
        Map<String, Object> body = body(request);
        body.put("organizationId", organizationId);
        SecretsWire.IdentityEnvelope e = executor.execute(ApiCall.post(PATH, body, SecretsWire.IdentityEnvelope.class, AUTH));
        return e.identity().toIdentity(request.role() == null ? "no-access" : request.role());
    }

    /**
     * One identity, with its organization role.
     *
     * @throws NotFoundException when there is no such identity in the caller's organizations
     */
    public Identity get(String identityId) {
        return executor.execute(ApiCall.get(PATH + "/" + ApiCall.segment(identityId),
                SecretsWire.IdentityMembershipEnvelope.class, AUTH)).identity().toIdentity();
    }

    /** Changes the members the request sets; the others stay as they are. */
    public Identity update(String identityId, IdentityRequest changes) {
        Objects.requireNonNull(changes, "changes cannot be null");
        SecretsWire.IdentityEnvelope e = executor.execute(Calls.patch(PATH + "/" + ApiCall.segment(identityId), body(changes),
                SecretsWire.IdentityEnvelope.class, AUTH));
        return e.identity().toIdentity(changes.role());
    }

    /**
     * Deletes an identity; every token it holds stops working at once.
     *
     * @return the identity as it was
     */
    public Identity delete(String identityId) {
        return executor.execute(Calls.delete(PATH + "/" + ApiCall.segment(identityId), null,
                SecretsWire.IdentityEnvelope.class, AUTH)).identity().toIdentity(null);
    }

    /** The identities of an organization, 100 at a time as you iterate. */
    public PagedIterable<Identity> list(String organizationId) {
        return list(organizationId, null);
    }

    /** The identities of an organization whose name contains {@code search} (null for all). */
    public PagedIterable<Identity> list(String organizationId, String search) {
        String path = "/api/v1/organizations/" + ApiCall.segment(organizationId) + "/identities";
        return OffsetPaging.of(100, (offset, limit) -> {
            SecretsWire.IdentityPage p = executor.execute(ApiCall.get(path, SecretsWire.IdentityPage.class, AUTH)
                    .query("offset", offset).query("limit", limit).query("search", search));
            return new OffsetPaging.Slice<>(p.identities() == null ? null
                    : p.identities().stream().map(SecretsWire.IdentityMembership::toIdentity).toList(), p.totalCount());
        });
    }

    /**
     * Renews an identity access token ({@code POST /api/v1/auth/token/renew}): a new token for the same
     * session, never past the session's max TTL. Sends no credentials: the token is the credential.
     *
     * @throws UnauthorizedException when the token is expired, revoked or past its max TTL
     */
    public IdentityLogin renewToken(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken cannot be null");
        return executor.execute(ApiCall.post("/api/v1/auth/token/renew", Map.of("accessToken", accessToken),
                IdentityLogin.class, AuthPolicy.none()));
    }

    /** Revokes an identity access token and every token of its session, on every server node. */
    public void revokeToken(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken cannot be null");
        executor.execute(ApiCall.post("/api/v1/auth/token/revoke", Map.of("accessToken", accessToken), Void.class,
                AuthPolicy.none()));
    }

    private static Map<String, Object> body(IdentityRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (r.name() != null) {
            body.put("name", r.name());
        }
        if (r.role() != null) {
            body.put("role", r.role());
        }
        if (r.metadata() != null) {
            body.put("metadata", r.metadata());
        }
        return body;
    }
}
