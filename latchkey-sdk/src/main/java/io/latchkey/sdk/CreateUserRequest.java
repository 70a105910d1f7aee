package io.latchkey.sdk;

/**
 * Body of {@code POST /iam/v1/users}. Start with {@link #of(String, String)} and add optional members.
 *
 * @param email       the login email
 * @param password    the initial password; secret
 * @param displayName optional display name
 * @param role        optional organization role: {@code admin}, {@code member} (the default) or
 *                    {@code no-access}
 * @since 0.1
 */
public record CreateUserRequest(String email, String password, String displayName, String role) {

    public static CreateUserRequest of(String email, String password) {
        return new CreateUserRequest(email, password, null, null);
    }

    public CreateUserRequest withDisplayName(String displayName) {
        return new CreateUserRequest(email, password, displayName, role);
    }

    public CreateUserRequest withRole(String role) {
        return new CreateUserRequest(email, password, displayName, role);
    }

    @Override
    public String toString() {
        return "CreateUserRequest[email=" + email + ", password=***, displayName=" + displayName + ", role=" + role + "]";
    }
}
