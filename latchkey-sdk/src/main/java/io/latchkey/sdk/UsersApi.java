package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.WireLists;

import java.util.Objects;

/**
 * Users of the caller's organization ({@code /iam/v1/users}), reached through
 * {@link LatchkeyClient#users()}. Accepts a user token or a machine identity token.
 *
 * @since 0.1
 */
public final class UsersApi {
    private static final AuthPolicy AUTH = AuthPolicy.of("users", AuthMode.USER, AuthMode.IDENTITY);
    private static final String PATH = "/iam/v1/users";

    private final ApiExecutor executor;

    UsersApi(ApiExecutor executor) {
        this.executor = executor;
    }

    /**
     * Creates a user in the caller's organization (organization administrators only).
     *
     * @throws ValidationException when the email, password or role is invalid
     * @throws ForbiddenException  when the caller is not an organization administrator
     */
    public User create(CreateUserRequest request) {
        Objects.requireNonNull(request, "request cannot be null");
        return executor.execute(ApiCall.post(PATH, request, User.class, AUTH));
    }

    /** Every user of the caller's organization, fetched 100 at a time as you iterate. */
    public PagedIterable<User> list() {
        return list(100);
    }

    /** Every user of the caller's organization, fetched {@code pageSize} (1 to 500) at a time. */
    public PagedIterable<User> list(int pageSize) {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("pageSize must be between 1 and 500");
        }
        return new PagedIterable<>(cursor -> {
            WireLists.Users page = executor.execute(ApiCall.get(PATH, WireLists.Users.class, AUTH)
                    .query("limit", pageSize).query("exclusiveStartKey", cursor));
            return new Page<>(page.users(), page.lastEvaluatedKey());
        });
    }

    /**
     * One user by id.
     *
     * @throws NotFoundException when there is no such user in the caller's organization
     */
    public User get(String userId) {
        return executor.execute(ApiCall.get(PATH + "/" + ApiCall.segment(userId), User.class, AUTH));
    }
}
