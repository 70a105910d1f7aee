package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.WireLists;

import java.util.Objects;

/**
 * Personal access tokens ({@code /iam/v1/tokens}, specs/affinidi-iam.md section 4.4 T1-T6), reached through
 * {@link LatchkeyClient#tokens()}. Accepts a user token or a personal access token's session; a user sees
 * and manages only the tokens it owns.
 *
 * <p>To authenticate as a token, see {@link Credentials#personalAccessToken}; to make a key pair, see
 * {@link TokenKeys}.
 *
 * @since 0.1
 */
public final class TokensApi {
    static final AuthPolicy AUTH = AuthPolicy.of("tokens", AuthMode.USER, AuthMode.PAT);
    private static final String PATH = "/iam/v1/tokens";

    private final ApiExecutor executor;

    TokensApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Creates a token with a public key.
     *
     * @throws ValidationException when the name, algorithm or key is invalid (the field is named)
     */
    public Token create(CreateTokenRequest request) {
        Objects.requireNonNull(request, "request cannot be null");
        return executor.execute(ApiCall.post(PATH, request, Token.class, AUTH));
    }

    /** The caller's tokens, fetched 100 at a time as you iterate. */
    public PagedIterable<Token> list() {
        return list(100);
    }

    /** The caller's tokens, fetched {@code pageSize} (1 to 500) at a time. */
    public PagedIterable<Token> list(int pageSize) {
        Pagination.check(pageSize);
        return new PagedIterable<>(cursor -> {
            WireLists.Tokens page = executor.execute(ApiCall.get(PATH, WireLists.Tokens.class, AUTH)
                    .query("limit", pageSize).query("exclusiveStartKey", cursor));
            return new Page<>(page.tokens(), page.lastEvaluatedKey());
        });
    }

    /**
     * One of the caller's tokens.
     *
     * @throws NotFoundException when there is no such token (or it was deleted)
     */
    public Token get(String tokenId) {
        return executor.execute(ApiCall.get(path(tokenId), Token.class, AUTH));
    }

    /** Changes a token's name, algorithm or public key; members left null stay as they are. */
    public Token update(String tokenId, UpdateTokenRequest request) {
        Objects.requireNonNull(request, "request cannot be null");
        return executor.execute(ApiCall.patch(path(tokenId), request, Token.class, AUTH));
    }

    /** Deletes a token and removes it from every project; it can no longer obtain access tokens. */
    public void delete(String tokenId) {
        executor.execute(ApiCall.delete(path(tokenId), AUTH));
    }

    /** The projects a token belongs to, each with the token's policy there, fetched 100 at a time. */
    public PagedIterable<TokenProject> projects(String tokenId) {
        return projects(tokenId, 100);
    }

    /** The projects a token belongs to, fetched {@code pageSize} (1 to 500) at a time. */
    public PagedIterable<TokenProject> projects(String tokenId, int pageSize) {
        Pagination.check(pageSize);
        String p = path(tokenId) + "/projects";
        return new PagedIterable<>(cursor -> {
            WireLists.TokenProjects page = executor.execute(ApiCall.get(p, WireLists.TokenProjects.class, AUTH)
                    .query("limit", pageSize).query("exclusiveStartKey", cursor));
            return new Page<>(page.projects(), page.lastEvaluatedKey());
        });
    }

    private static String path(String tokenId) {
        return PATH + "/" + ApiCall.segment(tokenId);
    }
}
