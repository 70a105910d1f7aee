package io.latchkey.sdk;

/**
 * Body of {@code POST /api/v1/admin/bootstrap}: the first organization and its owner.
 *
 * @param email        the owner's email; the owner logs in with it
 * @param password     the owner's password; secret
 * @param organization the organization's display name
 * @since 0.1
 */
public record BootstrapRequest(String email, String password, String organization) {

    @Override
    public String toString() {
        return "BootstrapRequest[email=" + email + ", password=***, organization=" + organization + "]";
    }
}
