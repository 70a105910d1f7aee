package io.latchkey.http.iam;

import io.javalin.http.Context;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.core.user.User;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.Cursors;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;

import java.util.List;

/**
 * Users of the caller's organization (native extension): {@code POST /iam/v1/users} (organization
 * administrators), {@code GET /iam/v1/users}, {@code GET /iam/v1/users/{userId}}.
 *
 * @since 0.1
 */
public final class UserHandler {
    private final HttpServices services;
    private final Auth auth;

    /** Request body of create. */
    public record CreateUserRequest(String email, String password, String displayName, String role) {
    }

    /** A user as the API shows it (never the password hash). */
    public record UserDto(String id, String email, String displayName, String status, boolean superAdmin,
                          String createdAt, String updatedAt) {
        static UserDto of(User u) {
            return new UserDto(u.id(), u.email(), u.displayName(), u.status().name().toLowerCase(java.util.Locale.ROOT),
                    u.superAdmin(), u.createdAt().toString(), u.updatedAt().toString());
        }
    }

    /** A page of users. */
    public record UserList(List<UserDto> users, String lastEvaluatedKey) {
    }

    public UserHandler(HttpServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void create(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.ORG_MEMBER);
        CreateUserRequest req = JsonBodies.read(ctx, CreateUserRequest.class);
        User u = services.users().create(actor, req.email(), req.password(), req.displayName(), req.role(), Requests.meta(ctx));
        ctx.json(UserDto.of(u));
    }

    public void list(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.ORG_MEMBER);
        Integer limit = Requests.intQuery(ctx, "limit", 1, 500);
        int n = limit == null ? 100 : limit;
        String after = Cursors.decode(ctx.queryParam("exclusiveStartKey"), "exclusiveStartKey");
        List<User> page = services.users().list(actor, after, n + 1);
        String next = null;
        if (page.size() > n) {
            page = page.subList(0, n);
            next = Cursors.encode(page.get(n - 1).id());
        }
        ctx.json(new UserList(page.stream().map(UserDto::of).toList(), next));
    }

    public void get(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.ORG_MEMBER);
        ctx.json(UserDto.of(services.users().get(actor, ctx.pathParam("userId"))));
    }
}
