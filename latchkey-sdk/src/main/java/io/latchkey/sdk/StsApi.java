package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;

import java.util.Map;
import java.util.Objects;

/**
 * The security token service ({@code /iam/v1/sts}, specs/affinidi-iam.md section 4.3), reached through
 * {@link LatchkeyClient#sts()}.
 *
 * @since 0.1
 */
public final class StsApi {
    static final AuthPolicy CREATE = AuthPolicy.of("sts", AuthMode.USER, AuthMode.PAT);
    static final AuthPolicy WHOAMI = AuthPolicy.of("whoami", AuthMode.USER, AuthMode.PAT, AuthMode.PROJECT, AuthMode.IDENTITY,
            AuthMode.ACCESS_KEY);
    /** The STS path; the vendor's auth provider hard-codes it too. */
    public static final String CREATE_PATH = "/iam/v1/sts/create-project-scoped-token";

    private final ApiExecutor executor;

    StsApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * A token bound to {@code projectId}, for the project's principals and policies and for services of the
     * project. Accepts a user token or a personal access token's session; the caller must own the project
     * or be one of its principals. To keep such a token fresh automatically, use
     * {@link Credentials#personalAccessToken} (machines).
     *
     * @throws ForbiddenException when the caller does not belong to the project
     */
    public ProjectScopedToken createProjectScopedToken(String projectId) {
        Objects.requireNonNull(projectId, "projectId cannot be null");
        return executor.execute(ApiCall.post(CREATE_PATH, Map.of("projectId", projectId), ProjectScopedToken.class, CREATE));
    }

    /** Who the caller is; accepts every kind of token. */
    public Whoami whoami() {
        return executor.execute(ApiCall.get("/iam/v1/sts/whoami", Whoami.class, WHOAMI));
    }
}
