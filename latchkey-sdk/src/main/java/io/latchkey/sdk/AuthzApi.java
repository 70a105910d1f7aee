package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.WireLists;

import java.util.List;
import java.util.Objects;

/**
 * The authorization check ({@code POST /iam/v1/authz/check} and {@code /check-batch}, a Latchkey extension),
 * reached through {@link LatchkeyClient#authz()}: your services ask whether a principal may do an action on
 * a resource and get the decision with the statement that decided. Accepts user, personal access token,
 * project-scoped and machine identity tokens; callers may check only principals of projects they
 * administer.
 *
 * <p>The check is a read, but it is sent as a POST and therefore never retried.
 *
 * @since 0.1
 */
public final class AuthzApi {
    static final AuthPolicy AUTH = AuthPolicy.of("authorization check", AuthMode.USER, AuthMode.PAT, AuthMode.PROJECT,
            AuthMode.IDENTITY);
    /** The most checks one batch may carry. */
    public static final int MAX_BATCH = 100;

    private final ApiExecutor executor;

    AuthzApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Decides one question.
     *
     * @throws ForbiddenException when the caller may not check principals of that project
     */
    public AuthzDecision check(AuthzCheck check) {
        Objects.requireNonNull(check, "check cannot be null");
        return executor.execute(ApiCall.post("/iam/v1/authz/check", check, AuthzDecision.class, AUTH));
    }

    /** Decides several questions in one request; the answers come in the order of the questions. */
    public List<AuthzDecision> checkBatch(List<AuthzCheck> checks) {
        Objects.requireNonNull(checks, "checks cannot be null");
        if (checks.isEmpty() || checks.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " checks, got " + checks.size());
        }
        WireLists.Decisions d = executor.execute(ApiCall.post("/iam/v1/authz/check-batch", java.util.Map.of("requests", checks),
                WireLists.Decisions.class, AUTH));
        return d.results();
    }
}
