package io.latchkey.sdk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An access key of a project, as the server describes it (never with its secret value, which only
 * {@link CreatedAccessKey} carries, once). The same wire object serves the native API and the access-key
 * dialect (specs/descope-access-keys.md section 4.1).
 *
 * @param id               the key id ({@code K} followed by 27 letters and digits)
 * @param name             the key's name
 * @param description      a description, or null
 * @param roleNames        project-level roles, whose permissions the session carries
 * @param keyTenants       tenants with the roles the key holds in each
 * @param status           {@code active} or {@code inactive}
 * @param createdTime      creation time, epoch seconds
 * @param expireTime       expiry, epoch seconds; 0 for a key that never expires
 * @param createdBy        who created it
 * @param clientId         the client id (equal to the key id)
 * @param boundUserId      the user the key acts for, or null; exchanges fail once that user is disabled
 * @param userId           the same as {@code boundUserId}, under the vendor SDKs' other name
 * @param customClaims     claims copied to the top level of every session
 * @param permittedIps     addresses and CIDR ranges allowed to exchange the key; empty for any
 * @param customAttributes free-form attributes for searching
 * @since 0.1
 */
public record AccessKey(String id, String name, String description, List<String> roleNames, List<KeyTenant> keyTenants,
                        String status, long createdTime, long expireTime, String createdBy, String clientId,
                        String boundUserId, String userId, Map<String, Object> customClaims, List<String> permittedIps,
                        Map<String, Object> customAttributes) {
    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";

    public AccessKey {
        roleNames = roleNames == null ? List.of() : List.copyOf(roleNames);
        keyTenants = keyTenants == null ? List.of() : List.copyOf(keyTenants);
        permittedIps = permittedIps == null ? List.of() : List.copyOf(permittedIps);
        customClaims = customClaims == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customClaims));
        customAttributes = customAttributes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customAttributes));
    }

    /** Whether the key may be exchanged (it may still have expired: see {@link #expiresAt()}). */
    public boolean active() {
        return ACTIVE.equals(status);
    }

    public Instant createdAt() {
        return Instant.ofEpochSecond(createdTime);
    }

    /** The expiry, or null for a key that never expires. */
    public Instant expiresAt() {
        return expireTime == 0 ? null : Instant.ofEpochSecond(expireTime);
    }
}
