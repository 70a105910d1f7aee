package io.latchkey.http.secrets;

import io.latchkey.core.identity.ExternalJwtAuthService;
import io.latchkey.core.identity.IdentityService;
import io.latchkey.core.identity.IdentityTokens;
import io.latchkey.core.identity.TokenAuthService;
import io.latchkey.core.identity.UniversalAuthService;
import io.latchkey.core.identity.auth.IdentityLoginService;
import io.latchkey.core.org.OrganizationService;
import io.latchkey.core.project.EnvironmentService;
import io.latchkey.core.project.ProjectService;
import io.latchkey.core.project.WorkspaceService;

/**
 * The core services behind the secrets dialect's organizations, machine identities, their logins, and
 * projects with their environments and memberships ({@link SecretsAuthRoutes}).
 *
 * @since 0.1
 */
public record SecretsAuthServices(OrganizationService organizations, IdentityService identities,
                                  UniversalAuthService universalAuth, TokenAuthService tokenAuth,
                                  ExternalJwtAuthService externalJwtAuth, IdentityLoginService logins,
                                  IdentityTokens identityTokens, ProjectService projects, WorkspaceService workspaces,
                                  EnvironmentService environments) {
}
