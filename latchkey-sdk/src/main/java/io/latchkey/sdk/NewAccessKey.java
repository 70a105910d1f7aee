package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Body of creating an access key ({@code POST /iam/v1/projects/{projectId}/access-keys}). Start with
 * {@link #named(String)} and add what you need; everything but the name is optional.
 *
 * <pre>{@code
 * NewAccessKey.named("reporter")
 *         .withRoles("Reader")
 *         .withTenant("acme", "Reader")
 *         .withCustomClaim("team", "platform")
 *         .expiringAt(Instant.now().plus(Duration.ofDays(90)));
 * }</pre>
 *
 * @param name             the key's name (required)
 * @param expireTime       expiry in epoch seconds; 0 or null for a key that never expires
 * @param roleNames        project-level roles (by name)
 * @param keyTenants       tenants with the key's roles in each
 * @param userId           a user the key acts for; its exchanges fail once that user is disabled
 * @param customClaims     claims copied to the top level of every session (names the session sets itself,
 *                         such as {@code sub} or {@code roles}, are refused)
 * @param description      a description
 * @param permittedIps     addresses or CIDR ranges allowed to exchange the key; any when empty
 * @param customAttributes free-form attributes
 * @since 0.1
 */
public record NewAccessKey(String name, Long expireTime, List<String> roleNames, List<KeyTenant> keyTenants, String userId,
                           Map<String, Object> customClaims, String description, List<String> permittedIps,
                           Map<String, Object> customAttributes) {

    public static NewAccessKey named(String name) {
        return new NewAccessKey(Objects.requireNonNull(name, "name cannot be null"), null, null, null, null, null, null, null,
                null);
    }

    /** Expires at {@code expiry} (whole seconds); null for never. */
    public NewAccessKey expiringAt(Instant expiry) {
        return new NewAccessKey(name, expiry == null ? null : expiry.getEpochSecond(), roleNames, keyTenants, userId,
                customClaims, description, permittedIps, customAttributes);
    }

    public NewAccessKey withRoles(String... roles) {
        return withRoles(List.of(roles));
    }

    public NewAccessKey withRoles(List<String> roles) {
        return new NewAccessKey(name, expireTime, List.copyOf(roles), keyTenants, userId, customClaims, description,
                permittedIps, customAttributes);
    }

    /** Adds a tenant with the key's roles in it. */
    public NewAccessKey withTenant(String tenantId, String... roles) {
        List<KeyTenant> t = keyTenants == null ? new ArrayList<>() : new ArrayList<>(keyTenants);
        t.add(KeyTenant.of(Objects.requireNonNull(tenantId, "tenantId cannot be null"), List.of(roles)));
        return new NewAccessKey(name, expireTime, roleNames, List.copyOf(t), userId, customClaims, description, permittedIps,
                customAttributes);
    }

    /** Binds the key to a user: exchanges fail once that user is disabled. */
    public NewAccessKey boundTo(String userId) {
        return new NewAccessKey(name, expireTime, roleNames, keyTenants, userId, customClaims, description, permittedIps,
                customAttributes);
    }

    /** Adds a claim copied into every session. */
    public NewAccessKey withCustomClaim(String claim, Object value) {
        Map<String, Object> c = customClaims == null ? new LinkedHashMap<>() : new LinkedHashMap<>(customClaims);
        c.put(Objects.requireNonNull(claim, "claim cannot be null"), value);
        return new NewAccessKey(name, expireTime, roleNames, keyTenants, userId, c, description, permittedIps,
                customAttributes);
    }

    public NewAccessKey withDescription(String description) {
        return new NewAccessKey(name, expireTime, roleNames, keyTenants, userId, customClaims, description, permittedIps,
                customAttributes);
    }

    /** Only these addresses or CIDR ranges may exchange the key. */
    public NewAccessKey withPermittedIps(List<String> ips) {
        return new NewAccessKey(name, expireTime, roleNames, keyTenants, userId, customClaims, description, List.copyOf(ips),
                customAttributes);
    }

    public NewAccessKey withCustomAttributes(Map<String, Object> attributes) {
        return new NewAccessKey(name, expireTime, roleNames, keyTenants, userId, customClaims, description, permittedIps,
                new LinkedHashMap<>(attributes));
    }

    /** The expiry as an instant, or null for never. */
    @JsonIgnore
    public Instant expiresAt() {
        return expireTime == null || expireTime == 0 ? null : Instant.ofEpochSecond(expireTime);
    }
}
