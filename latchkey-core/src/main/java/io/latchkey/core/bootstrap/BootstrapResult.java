package io.latchkey.core.bootstrap;

import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.org.Organization;
import io.latchkey.core.token.IssuedToken;
import io.latchkey.core.user.User;

/**
 * What bootstrap created. {@code adminToken} is the instance-admin identity's non-expiring token: it is
 * shown once, in the bootstrap response, and stored nowhere.
 *
 * @since 0.1
 */
public record BootstrapResult(User user, Organization organization, MachineIdentity identity,
                              IssuedToken adminToken) {
}
