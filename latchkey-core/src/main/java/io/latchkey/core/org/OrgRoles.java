package io.latchkey.core.org;

import java.util.Set;

/** Built-in organization role slugs (the secrets dialect's names). Custom roles use other slugs. */
public final class OrgRoles {
    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";
    public static final String NO_ACCESS = "no-access";
    public static final Set<String> BUILT_IN = Set.of(ADMIN, MEMBER, NO_ACCESS);

    private OrgRoles() {
    }
}
